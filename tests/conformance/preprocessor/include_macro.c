// #include accepts an object-like macro that expands to "file" or <file>
// (MudOS lex.c handle_include).
#define HEADER "inc/constants.h"
#include HEADER

void create() {
  write(ANSWER + "\n");
}

// #include "file" is found relative to the including file.
#include "inc/constants.h"
#include "inc/funcs.h"

void create() {
  write(ANSWER + " " + NAME + "\n");
  write(double_it(21) + "\n");
}

// Known pragmas and their no_ forms are accepted; an unknown one is only a
// warning (MudOS lex.c handle_pragma), not an error.
#pragma strict_types
#pragma save_types
#pragma no_warnings
#pragma warnings
#pragma show_error_context
#pragma no_save_binary
#pragma lapis_no_such_pragma

int add(int a, int b) { return a + b; }

void create() {
  write(add(40, 2) + "\n");
}

// Known pragmas and their no_ forms are accepted; so is an unknown one.
#pragma strict_types
#pragma save_types
#pragma no_warnings
#pragma warnings
#pragma show_error_context
#pragma no_save_binary

int add(int a, int b) { return a + b; }

void create() {
  write(add(40, 2) + "\n");
}

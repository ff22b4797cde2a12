// Helper for compile_error_undefined.c.
#pragma strict_types

void create() {
  no_such_function_here(1);
}

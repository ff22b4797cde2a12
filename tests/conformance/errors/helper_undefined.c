// Helper for compile_error_undefined.c.

void create() {
  no_such_function_here(1);
}

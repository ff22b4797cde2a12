// Helper for compile_error_log.c: a syntax error on line 3.
void create() {
  int x = ;
}

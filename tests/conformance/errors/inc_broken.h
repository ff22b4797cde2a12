// Helper header for compile_error_in_include.c: a syntax error on line 3.
int fine = 1;
int broken = ;

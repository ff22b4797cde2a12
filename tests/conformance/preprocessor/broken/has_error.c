// Helper for error_directive.c: never compiles.
#error this file refuses to compile
void create() {}

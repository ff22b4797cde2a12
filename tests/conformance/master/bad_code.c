// Helper: does not compile.
void f() { return 1 +; }

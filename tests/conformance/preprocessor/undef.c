// #undef removes a macro; it can then be redefined with another body.
#define X 1
int a = X;
#undef X
#ifdef X
int b = 100;
#else
int b = 2;
#endif
#define X 3
int c = X;
#undef NEVER_DEFINED

void create() {
  write(a + " " + b + " " + c + "\n");
}

// functionp() returns the pointer kind (MudOS include/function.h): FP_LOCAL 2,
// FP_EFUN 3, FP_FUNCTIONAL 5, | FP_HAS_ARGUMENTS 0x10, | FP_NOT_BINDABLE 0x40
// for local pointers and functionals that use globals.
int g;
int f(int x) { return x; }

void create() {
  write(functionp(0) + " " + functionp("f") + "\n");
  write(functionp((: strlen :)) + " " + functionp((: sprintf, "x" :)) + "\n");
  write(functionp((: f :)) + " " + functionp((: f, 1 :)) + "\n");
  write(functionp((: $1 + 1 :)) + " " + functionp((: $1 + g :)) + "\n");
}

// %O of function pointers as the MudOS testsuite states them (efuns/sprintf.c):
// local with bound args, a functional, an efun pointer.
mixed make_arg(int x) { return x; }

void create() {
  write(sprintf("%O\n", (: make_arg, 5 :)));
  write(sprintf("%O\n", (: $1 :)));
  write(sprintf("%O\n", (: sprintf :)));
}

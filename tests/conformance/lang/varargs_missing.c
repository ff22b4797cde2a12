// Missing arguments are the undefined zero (MudOS setup_variables pushes
// undefineds); extra arguments to a varargs function are dropped.
varargs string f(int a, string b, mixed c) {
  return sprintf("%d %O %d %d", a, b, undefinedp(b), undefinedp(c));
}

void create() {
  write(f(1) + "\n");
  write(f(1, "x") + "\n");
  write(f(1, "x", 0) + "\n");
  write(call_other(this_object(), "f", 2, "y", 3, 4, 5) + "\n");
}

// OldTypeBehavior yes (MudOS OLD_TYPE_BEHAVIOR, which mudlibs such as Lima
// were written for): typed functions are not type-checked at compile time, so
// a call to a function declared nowhere compiles (and fails when it runs, as
// a late-bound call to an undefined function), and so does an assignment
// across types.
int sum(int a) {
  string s;
  s = a;
  return a + 1;
}

string later() { return helper_not_declared(1); }

void create() {
  write(sum(4) + "\n");
  write(sprintf("%O\n", catch(later())));
#ifdef __OLD_TYPE_BEHAVIOR__
  write("__OLD_TYPE_BEHAVIOR__ defined\n");
#endif
}

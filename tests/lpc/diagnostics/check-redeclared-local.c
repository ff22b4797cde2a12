void f() {
  int x;
  string x;
}

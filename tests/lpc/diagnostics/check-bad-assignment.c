void f() {
  int i;
  string s = "x";
  i = s;
  s = i = 0;
}

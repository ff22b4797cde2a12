void f() {
  1 = 2;
}

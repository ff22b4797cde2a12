void f() {
  x = ;
}

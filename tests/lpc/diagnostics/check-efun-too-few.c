void f() {
  strlen();
}

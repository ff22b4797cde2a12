void f() {
  strlen("a", "b");
}

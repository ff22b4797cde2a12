void f() {
  break;
}

void f() {
  no_such_function(1);
}

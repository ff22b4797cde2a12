inherit "/lib/base";
void f() {
  ::no_such();
}

#pragma strict_types
void f() {
  strlen(42);
  implode(({ "a" }), ",");
}

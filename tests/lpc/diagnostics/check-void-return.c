#pragma strict_types
void f() {
  return 1;
}

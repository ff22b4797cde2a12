#pragma strict_types
string f() {
  return 42;
}

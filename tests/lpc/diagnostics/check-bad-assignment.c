#pragma strict_types
void f() {
  int i;
  string s = "x";
  i = s;
}

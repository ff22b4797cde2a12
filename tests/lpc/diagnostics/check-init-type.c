#pragma strict_types
int g = "x";
void f() {
  string s = 1.5;
}

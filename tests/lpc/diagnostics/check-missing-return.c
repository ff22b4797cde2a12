#pragma strict_types
int f(int x) {
  x++;
}

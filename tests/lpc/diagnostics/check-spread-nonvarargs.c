#pragma strict_types
void g(int a, int b) { }
void f(int *args) {
  g(args...);
}

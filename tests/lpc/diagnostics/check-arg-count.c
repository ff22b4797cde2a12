void g(int a, int b) { }
varargs void h(int a) { }
void f() {
  g(1);
  h(1, 2, 3);
}

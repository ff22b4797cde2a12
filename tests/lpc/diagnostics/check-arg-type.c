void g(int a, string b) { }
void f() {
  g(1, 2);
}

void v;
class c { void m; }
void f(void x) {
  void y;
}

string f() {
  return 42;
}
void g() {
  return 1;
}
int h() {
  return g();
}

void f() {
  efun::frobnicate(1);
}

float f(int y) {
  return y % 0 + 5 % 0;
}
int g() { return 7 % (3 & 4); }

float f(int y) {
  return y % 0 + 5 % 0;
}

int f(int x) {
  return 1 / 0;
}
// MudOS folds constant operands first: these divide by a constant zero too.
int g() { return 100 / (2 - 2); }
int h() { return 10 / ((41 / 9) - 4); }
float k() { return 1.5 / (3 - 3); }
// Not constant on the left: a runtime error, not a compile error.
int m(int x) { return x / 0 + x / (1 - 1); }

function f() {
  int n = 1;
  return (: $1 + n :);
}

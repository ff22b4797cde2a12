function f() {
  return function(int x) { return $1 + x; };
}

// A pointer can call the function that made it, recursively.
int fact(int n) {
  function self = (: fact :);
  return n <= 1 ? 1 : n * evaluate(self, n - 1);
}

void create() {
  write(fact(10) + "\n");
  function fib;
  fib = function(int n, function me) { return n < 2 ? n : evaluate(me, n - 1, me) + evaluate(me, n - 2, me); };
  write(evaluate(fib, 15, fib) + "\n");
}

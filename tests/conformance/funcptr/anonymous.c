// Anonymous functions take parameters, declare locals, use globals, and can
// capture locals of the enclosing function with $().
int base = 100;

void create() {
  int local_v = 5;
  function f = function(int x, int y) {
    int t = x * y;
    return t + base;
  };
  function g = function(string s) { return s + $(local_v); };
  function h = function() { return "no args"; };
  write(evaluate(f, 3, 4) + "\n");
  write(evaluate(g, "v=") + "\n");
  write(evaluate(h) + "\n");
  write(implode(map_array(({ 1, 2 }), function(int n) { return "" + (n * n); }), ",") + "\n");
}

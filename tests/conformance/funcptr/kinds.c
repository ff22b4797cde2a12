// Every kind of function pointer: local with bound args, efun, call_other,
// expression pointers with $N and $() captures, anonymous functions.
int add(int x, int y) { return x + y; }
int g = 100;

void create() {
  function f = (: add, 5 :);
  int k = 3;
  function e = (: $1 * 2 + $(k) :);
  function s = (: strlen :);
  function co = (: call_other, this_object(), "add" :);
  function anon = function(int x) { return x + g; };
  k = 1000;
  write(sprintf("%d %d %d %d %d\n", evaluate(f, 1), evaluate(e, 10), evaluate(s, "hello"),
    evaluate(co, 2, 3), evaluate(anon, 1)));
  write(sprintf("%d %d\n", (*f)(2), apply(f, ({ 7 }))));
  write(sprintf("%O\n", map_array(({ 1, 2, 3 }), (: $1 + $2 :), 10)));
  write(sprintf("%O\n", filter_array(({ 1, 2, 3, 4 }), (: $1 % 2 == 0 :))));
  write(functionp(f) ? "function\n" : "no\n");
  write(evaluate(42) + "\n");
}

// (: call_other, ob, "f" :) calls through call_other with later arguments.
int twice(int x) { return 2 * x; }

void create() {
  function f = (: call_other, this_object(), "twice" :);
  function g = (: call_other, "/helper_target", "echo" :);
  write(evaluate(f, 21) + "\n");
  write(evaluate(g, "hi") + "\n");
  write(implode(map_array(map_array(({ 1, 2, 3 }), f), (: "" + $1 :)), ",") + "\n");
}

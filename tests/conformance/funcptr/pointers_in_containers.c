// Pointers are values: stored in arrays and mappings, passed and returned.
int inc(int x) { return x + 1; }
int dbl(int x) { return x * 2; }

function compose(function a, function b) { return (: evaluate($(b), evaluate($(a), $1)) :); }

void create() {
  mapping ops = ([ "inc": (: inc :), "dbl": (: dbl :) ]);
  function *chain = ({ ops["inc"], ops["dbl"], ops["inc"] });
  int v = 5;
  foreach (function fn in chain) v = evaluate(fn, v);
  write(v + "\n");
  write(evaluate(compose(ops["dbl"], ops["inc"]), 10) + "\n");
  write(evaluate(ops["inc"], evaluate(ops["dbl"], 1)) + "\n");
}

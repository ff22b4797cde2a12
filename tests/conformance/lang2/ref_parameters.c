// `ref` parameters (FluffOS grammar.y `ref lvalue`, F_MAKE_REF): the callee
// writes through to the caller's variable, array element, mapping value or
// class member when the caller passes `ref x` (or `&x`); a plain argument is
// passed by value.
class counter { int count; }

void inc(ref int x) { x++; }

void set_pair(ref mixed a, ref mixed b) {
  a = "A";
  b = ({ a });
}

void create() {
  int n = 1;
  inc(ref n);
  inc(&n);
  inc(n);
  write("n=" + n + "\n");
  int *arr = ({ 1, 2, 3 });
  inc(ref arr[1]);
  mapping m = ([ "k": 5 ]);
  inc(ref m["k"]);
  class counter c = new(class counter, count: 40);
  inc(ref c->count);
  inc(ref c->count);
  write(sprintf("%O %O %d\n", arr, m, c->count));
  mixed a, b;
  set_pair(ref a, ref b);
  write(sprintf("%O %O\n", a, b));
}

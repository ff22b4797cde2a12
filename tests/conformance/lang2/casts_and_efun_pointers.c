// Class casts and efun:: function pointers. A cast to a class (or any
// non-scalar type) only changes the static type (MudOS v22 grammar.y.pre
// `cast: '(' basic_type optional_star ')'` emits no conversion), so the value
// is the same one. `(: efun::name :)` points at the efun even when this
// program defines a function of that name (MudOS efun_override), and bound
// arguments come first (MudOS functional rules).
class point { int x; int y; }

int strlen(string s) { return -1; }

void create() {
  mixed v = new(class point, x: 3, y: 4);
  class point p = (class point)v;
  p->x = 30;
  write(p->x + p->y + " " + (p == v) + " " + typeof((class point)v) + "\n");
  mixed *list = (mixed *)({ 1, "a" });
  write(sizeof(list) + " " + (string)"text" + "\n");

  function mine = (: strlen :);
  function real = (: efun::strlen :);
  write(evaluate(mine, "abc") + " " + evaluate(real, "abc") + " " + efun::strlen("abcd") + "\n");
  function bound = (: efun::implode, ({ "x", "y", "z" }) :);
  write(evaluate(bound, "-") + " " + (functionp(real) != 0) + "\n");
  write(sprintf("%O\n", map(({ "a", "bb", "" }), (: efun::strlen :))));
}

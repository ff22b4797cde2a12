// Shadows stack: the newest shadow is asked first; shadow() returns the
// object it now directly shadows; shadow(ob, 0) names the shadow in front.
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), c = new("/cloak"), m = new("/mask");
  c->wear(t);
  write(sprintf("%d\n", m->wear(t) == c));
  write(t->name() + "\n");
  write(t->greet() + "\n");
  write(sprintf("%d %d %d\n", shadow(t, 0) == c, shadow(c, 0) == m, query_shadowing(m) == c));
  write(sprintf("%d\n", c->leave()));
  write(t->name() + " " + sprintf("%d %d", query_shadowing(m) == t, shadow(t, 0) == m) + "\n");
  write(sprintf("%O %O\n", query_shadowing(c), shadow(c, 0)));
}

// shadow(): call_other to the shadowed object reaches the shadow first; what
// the shadow lacks reaches the object; calls inside the object stay inside;
// the shadow calling the object reaches the object itself.
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), c = new("/cloak");
  write(sprintf("%d\n", c->wear(t) == t));
  write(t->name() + "\n");
  write(t->greet() + "\n");
  write(t->only_here() + "\n");
  write(sprintf("%d %d\n", t->me() == c, call_other(t, "me") == c));
  write(sprintf("%d %d %O\n", query_shadowing(c) == t, shadow(t, 0) == c, query_shadowing(t)));
  write(sprintf("%d\n", present("cloaked", this_object()) == 0));
}

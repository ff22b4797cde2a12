// Destructing a shadowed object destructs its shadows; destructing a shadow
// just takes it out of the chain. remove_shadow() of a non-shadow is 0.
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), c = new("/cloak"), m = new("/mask");
  object t2 = new("/target"), c2 = new("/cloak");
  c->wear(t);
  m->wear(t);
  destruct(t);
  write(sprintf("%O %O %O\n", t, c, m));
  c2->wear(t2);
  destruct(c2);
  write(t2->name() + sprintf(" %O", shadow(t2, 0)) + "\n");
  write(remove_shadow(t2) + "\n");
}

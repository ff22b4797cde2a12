// A shadow must not be inside another object; the master cannot be shadowed.
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), c = new("/cloak"), box = new("/target");
  c->move_in(box);
  write(catch(c->wear(t)) + "\n");
  write(catch(new("/mask")->wear(this_object())) + "\n");
}

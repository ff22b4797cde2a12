// A shadow must not be inside another object, and cannot be moved while it
// shadows; the master cannot be shadowed.
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), c = new("/cloak"), box = new("/target"), c2 = new("/cloak");
  c->move_in(box);
  write(catch(c->wear(t)) + "\n");
  c2->wear(t);
  write(catch(c2->move_in(box)) + "\n");
  write(catch(new("/mask")->wear(this_object())) + "\n");
}

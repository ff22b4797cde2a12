// Driver applies go through shadows too: present() asks the shadow's id().
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), c = new("/cloak");
  move_object(new("/target"));
  t->move_in(this_object());
  c->wear(t);
  write(sprintf("%d %d\n", present("cloaked") == t, present("target") != t));
}

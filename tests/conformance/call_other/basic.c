// call_other: load on demand, visibility, previous_object, clones, destructed objects.
void create() {
  object t = load_object("/target");
  object c;
  write(t->inc(41) + " " + "/target"->inc(1) + " " + call_other(t, "inc", 9) + "\n");
  write(sprintf("%d %d %d %d\n", t->st(), t->pr(), t->pt(), t->missing()));
  write(t->prev() + "\n");
  write(t->get_count() + "\n");
  c = clone_object("/target");
  write((file_name(c) != file_name(t)) + " " + (strsrch(file_name(c), "/target#") == 0) + "\n");
  c->inc(1);
  write(c->get_count() + " " + t->get_count() + "\n");
  destruct(c);
  write(sprintf("%O %d\n", c, objectp(c)));
  write(function_exists("inc", t) + "\n");
}

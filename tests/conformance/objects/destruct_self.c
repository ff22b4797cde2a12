// destruct(this_object()) inside a call: the code goes on, but
// this_object() reads 0 and the object is gone from the object table.
void create() {
  object s = new("/suicide");
  write(s->die() + "\n");
  write(sprintf("%O %d\n", s, sizeof(children("/suicide"))));
  write(catch(s->die()) + "\n");
}

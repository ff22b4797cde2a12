// destruct(this_object()) inside a call: the code goes on, but
// this_object() reads 0 and the object is gone from the object table.
// Calling the destructed object afterwards calls 0: a bad argument to
// call_other (MudOS, Neolith); in an array of targets it only gives 0.
void create() {
  object s = new("/suicide");
  write(s->die() + "\n");
  write(sprintf("%O %d\n", s, sizeof(children("/suicide"))));
  write(catch(s->die()));
  write(sprintf("%O\n", call_other(({ s }), "die")));
}

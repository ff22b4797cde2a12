// reload_object(): variables back to their initial values, create() again,
// heart beat, call_outs, living status and living name dropped.
void create() {
  object c = new("/counter");
  c->bump();
  c->bump();
  write(c->state() + "\n");
  reload_object(c);
  write(c->state() + "\n");
  write(sprintf("%O\n", find_living("counter")));
}

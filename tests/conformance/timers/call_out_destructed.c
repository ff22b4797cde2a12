// Destructing an object cancels its call_outs; an error in one call_out
// does not stop the ones after it.
void boom() { error("boom"); }
void after() { write("after ran\n"); }

void create() {
  object t = new("/ticker");
  t->schedule();
  destruct(t);
  call_out("boom", 0);
  call_out("after", 0);
  write(sizeof(call_out_info()) + "\n");
}

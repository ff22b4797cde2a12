// find_call_out/remove_call_out by name only see the current object's
// call_outs; each object's call_outs run as that object.
void f() { write("app f\n"); }

void create() {
  object t = new("/ticker");
  t->schedule();
  call_out("f", 0);
  write(find_call_out("never") + " " + remove_call_out("never") + " " + t->find_own() + "\n");
}

// A call_out keeps its registering this_player(); if that object is gone by
// then, this_player() is 0. remove_call_out() of the running call_out is -1.
object p;
void show() { write(sprintf("tp %O, remove self %d\n", this_player(), remove_call_out("show"))); }
void register() { call_out("show", 0); }

void create() {
  p = new("/ticker");
  p->as_player(this_object());
  set_this_player(0);
  destruct(p);
}

// set_reset(ob, n): reset() runs n seconds later with no this_player(), if the
// object was used since its last reset; an unused object is skipped.
object used, idle;

void create() {
  used = new("/resetter", "used");
  idle = new("/resetter", "idle");
  set_reset(used, 1);
  set_reset(idle, 1);
  used->touch();
  call_out("done", 1.5);
}

void done() { write("done\n"); }

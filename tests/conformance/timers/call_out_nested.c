// A call_out registered with delay 0 by a running call_out runs right after
// the ones already due, before longer delays, which run in order of length.
int step;
void tick(string tag) {
  write(tag + "\n");
  if (++step == 1) call_out("tick", 0, "nested");
}

void create() {
  call_out("tick", 0.3, "later");
  call_out("tick", 0, "first");
  call_out("tick", 0, "second");
  call_out("tick", 0.1, "tenth");
}

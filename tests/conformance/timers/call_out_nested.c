// A call_out registered by a running call_out with delay 0 runs in the same
// pass, after those already due; float delays keep millisecond precision.
int step;
void tick(string tag) {
  write(tag + "\n");
  if (++step == 1) call_out("tick", 0, "nested");
}

void create() {
  call_out("tick", 0.05, "half-tenth");
  call_out("tick", 0, "first");
  call_out("tick", 0, "second");
  call_out("tick", 0.01, "hundredth");
}

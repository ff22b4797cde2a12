// An uncaught error aborts the rest of that execution only; the driver and
// later call_outs go on, and the object stays loaded.
void error_handler(mapping err, int caught) {
  write("handler: " + replace_string(err["error"], "\n", "") + "\n");
}

void first() {
  write("first start\n");
  error("first failed");
  write("not reached\n");
}

void second() { write("second ran\n"); }

void create() {
  call_out("first", 0);
  call_out("second", 0);
  write("create done\n");
}

// Helper: breaks when its container goes.
inherit "/thing";

int move_or_destruct(object dest) {
  write(query_name() + " breaks\n");
  destruct(this_object());
  return 0;
}

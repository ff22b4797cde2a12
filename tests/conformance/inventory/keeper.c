// Helper: moves to the destination move_or_destruct() offers, when there is one.
inherit "/thing";

int move_or_destruct(object dest) {
  write(query_name() + ": move_or_destruct(" + (dest ? dest->query_name() : "0") + ")\n");
  if (dest) move(dest);
  return 0;
}

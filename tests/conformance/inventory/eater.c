// Helper: destructs whoever arrives.
inherit "/thing";

void init() {
  ::init();
  if (this_player()) destruct(this_player());
}

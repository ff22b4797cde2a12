// Helper: whoever arrives is sent on to the exit from init().
inherit "/thing";

object exit;
void set_exit(object o) { exit = o; }
void init() {
  ::init();
  if (this_player() && exit) this_player()->move(exit);
}

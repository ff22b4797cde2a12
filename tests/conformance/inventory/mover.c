// Helper: a thing that goes back out when its environment's init() runs.
inherit "/thing";

void init() {
  ::init();
  if (this_player() && this_player()->query_name() == "bob") this_player()->move(find_object("/outside#"));
}

// living(), enable/disable_commands(), set_living_name(), find_living(),
// find_player() (only objects that were interactive), livings().
#include "names.h"

void create() {
  object npc = make("/npc", "orc"), other = make("/npc", "orc2"), rock = make("/thing", "rock");
  write(living(npc) + " " + living(rock) + " " + living(this_object()) + "\n");
  npc->name_me("orc");
  other->name_me("orc");
  write(names(({ find_living("orc") })) + "\n");
  write(sprintf("%O %O\n", find_living("nobody"), find_player("orc")));
  other->stop();
  write(living(other) + " " + names(({ find_living("orc") })) + "\n");
  write(names(livings()) + "\n");
  destruct(npc);
  write(sprintf("%O\n", find_living("orc")));
  enable_commands();
  write(living() + " " + (this_player() == this_object()) + "\n");
  disable_commands();
  write(living() + " " + sprintf("%O", this_player()) + "\n");
}

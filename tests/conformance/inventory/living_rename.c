// set_living_name() again renames; find_living() finds the most recently
// (The /npc blueprint is living too: its create() calls enable_commands().)
// named of several living objects with one name; livings() lists them all.
#include "names.h"

void create() {
  object a = make("/npc", "a"), b = make("/npc", "b"), rock = make("/thing", "rock");
  a->name_me("guard");
  a->name_me("captain");
  b->name_me("guard");
  write(names(({ find_living("guard"), find_living("captain") })) + "\n");
  write(sizeof(livings()) + " " + (member_array(rock, livings()) < 0) + "\n");
  rock->name_me_anyway("rock");
  write(sprintf("%O\n", find_living("rock")));
}

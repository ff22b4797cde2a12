// An init() that destructs the object being moved ends move_object()
// quietly: the remaining init() calls are skipped.
#include "names.h"

void create() {
  object room = make("/thing", "room"), a = make("/thing", "a"), eater = make("/eater", "eater");
  object b = make("/thing", "b"), bob = make("/npc", "bob");
  a->move(room);
  eater->move(room);
  b->move(room);
  write(catch(bob->move(room)) + "\n");
  write(sprintf("%O %s\n", bob, names(all_inventory(room))));
}

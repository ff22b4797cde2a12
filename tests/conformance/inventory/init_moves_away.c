// When an init() moves the mover elsewhere, move_object() stops calling
// further init()s for the old destination (MudOS "marion" checks).
#include "names.h"

void create() {
  object room = make("/thing", "room"), outside = make("/thing", "outside");
  object a = make("/thing", "a"), trap = make("/trap", "trap"), b = make("/thing", "b");
  object bob = make("/npc", "bob");
  a->move(room);
  trap->move(room);
  b->move(room);
  trap->set_exit(outside);
  bob->move(room);
  write(environment(bob)->query_name() + "\n");
}

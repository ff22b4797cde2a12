// move_or_destruct() may destruct the object itself; a move into another
// object works too. The destructed container's other contents follow.
#include "names.h"

void create() {
  object room = make("/thing", "room"), shelf = make("/thing", "shelf"), box = make("/thing", "box");
  object vase = make("/fragile", "vase"), cup = make("/keeper", "cup"), lid = make("/thing", "lid");
  box->move(room);
  shelf->move(room);
  vase->move(box);
  cup->move(box);
  lid->move(box);
  destruct(box);
  write(sprintf("%O %O %O\n", vase, lid, environment(cup) == room));
  write(names(all_inventory(room)) + "\n");
}

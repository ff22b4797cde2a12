// present() looks one level deep only: an object inside a container in the
// room is not present in the room.
#include "names.h"

void create() {
  object room = make("/thing", "room"), bag = make("/thing", "bag"), coin = make("/thing", "coin");
  bag->move(room);
  coin->move(bag);
  write(sprintf("%O %O %d\n", present("coin", room), present(coin, room), present(coin, bag) == coin));
  write(names(({ bag->find("coin"), coin->find("bag"), coin->find("room") })) + "\n");
}

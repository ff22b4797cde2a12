// deep_inventory(): depth first, each object followed by its own contents,
// siblings newest first.
#include "names.h"

void create() {
  object room = make("/thing", "room");
  object bag = make("/thing", "bag"), pouch = make("/thing", "pouch");
  object coin = make("/thing", "coin"), gem = make("/thing", "gem"), rock = make("/thing", "rock");
  bag->move(room);
  pouch->move(bag);
  coin->move(pouch);
  gem->move(bag);
  rock->move(room);
  write(names(deep_inventory(room)) + "\n");
  write(names(deep_inventory(bag)) + "\n");
  write(sizeof(deep_inventory(coin)) + "\n");
}

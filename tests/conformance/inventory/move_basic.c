// move_object: environment(), all_inventory() newest first, first/next_inventory.
#include "names.h"

void create() {
  object room = make("/thing", "room");
  object a = make("/thing", "a"), b = make("/thing", "b"), c = make("/thing", "c");
  write(sprintf("%O\n", environment(a)));
  a->move(room);
  b->move(room);
  c->move(room);
  write(environment(a)->query_name() + "\n");
  write(names(all_inventory(room)) + "\n");
  write(first_inventory(room)->query_name() + "\n");
  write(next_inventory(first_inventory(room))->query_name() + "\n");
  write(sprintf("%O\n", next_inventory(a)));
  b->move(a);
  write(names(all_inventory(room)) + " / " + names(all_inventory(a)) + "\n");
  write(environment(b)->query_name() + "\n");
  write(sprintf("%O %O\n", first_inventory(b), all_inventory(b)));
}

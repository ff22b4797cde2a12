// destruct(): each object inside gets move_or_destruct(dest), dest being the
// destructed object's environment (0 without one); objects still inside
// afterwards are destructed too. Contents are handled newest first.
#include "names.h"

void create() {
  object room = make("/thing", "room"), box = make("/thing", "box");
  object a = make("/keeper", "a"), b = make("/thing", "b"), c = make("/keeper", "c");
  object bare = make("/thing", "bare"), d = make("/keeper", "d");
  box->move(room);
  a->move(box);
  b->move(box);
  c->move(box);
  destruct(box);
  write(names(all_inventory(room)) + "\n");
  write(sprintf("%O %O\n", b, environment(a) == room));
  d->move(bare);
  destruct(bare);
  write(sprintf("%O\n", d));
}

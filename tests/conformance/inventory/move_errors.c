// move_object() errors: into itself or something it contains, to a missing
// file, to a destructed object; moving by file name loads the destination.
#include "names.h"

void create() {
  object a = make("/thing", "a"), b = make("/thing", "b"), gone = make("/thing", "gone");
  b->move(a);
  write(catch(a->move(a)) + "\n");
  write(catch(a->move(b)) + "\n");
  write(catch(a->move("/no/such/room")) + "\n");
  destruct(gone);
  write(catch(a->move(gone)) + "\n");
  a->move("/plain_room");
  write(file_name(environment(a)) + "\n");
  write(sprintf("%O\n", environment(b) == a));
}

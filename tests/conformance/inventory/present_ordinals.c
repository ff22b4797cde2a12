// present("name N") counts matches in inventory order (newest first);
// present() without an environment searches this_object()'s inventory.
#include "names.h"

void create() {
  object room = make("/thing", "room");
  object s1 = make("/thing", "sword"), s2 = make("/thing", "sword"), s3 = make("/thing", "sword");
  object k = make("/thing", "key");
  s1->set_name("sword"); s1->move(room);
  s2->move(room);
  k->move(room);
  s3->move(room);
  write((present("sword", room) == s3) + " " + (present("sword 1", room) == s3) + " "
    + (present("sword 2", room) == s2) + " " + (present("sword 3", room) == s1) + "\n");
  // MudOS counts with a signed int: "sword 0" asks for match -1, i.e. the first.
  write(sprintf("%O %d %O\n", present("sword 4", room), present("sword 0", room) == s3, present("axe", room)));
  write((present("key", room) == k) + "\n");
  move_object(room);
  write((present("key") == k) + "\n");
  s2->move(this_object());
  write((present("sword") == s2) + " " + (present("sword", this_object()) == s2) + "\n");
}

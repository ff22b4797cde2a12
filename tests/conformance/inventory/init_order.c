// init() as MudOS move_object runs it: a living mover calls the destination's
// init(), then for each object there (newest first) the living ones call the
// mover's init() and a living mover calls theirs; a living destination calls
// the mover's init() last. this_player() is the living party each time.
#include "names.h"

void create() {
  object room = make("/thing", "room");
  object sword = make("/thing", "sword");
  object npc = make("/npc", "npc");
  object bob, gem, coin;
  sword->move(room);
  write("-- npc arrives\n");
  npc->move(room);
  write("-- bob arrives\n");
  bob = make("/npc", "bob");
  bob->move(room);
  write("-- gem arrives\n");
  gem = make("/thing", "gem");
  gem->move(room);
  write("-- coin into bob\n");
  coin = make("/thing", "coin");
  coin->move(bob);
  write(sprintf("this_player after: %O\n", this_player()));
}

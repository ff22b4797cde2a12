// present() without an environment: this_object()'s inventory, then its
// environment itself (by id()), then the environment's inventory. With an
// environment, only that inventory. present(ob) checks where ob is.
#include "names.h"

void create() {
  object room = make("/thing", "room"), here = make("/thing", "here");
  object gem = make("/thing", "gem"), rock = make("/thing", "rock");
  object elsewhere = make("/thing", "elsewhere");
  here->move(room);
  gem->move(here);
  rock->move(room);
  write(names(({ here->find("gem"), here->find("rock"), here->find("room"), here->find("here") })) + "\n");
  write(names(({ present("rock", here), present("gem", here), present("room", room) })) + "\n");
  write(names(({ gem->find("rock"), gem->find("here"), elsewhere->find("gem") })) + "\n");
  write(names(({ here->find(gem), here->find(rock), gem->find(rock), rock->find(here) })) + "\n");
  write(names(({ present(gem, here), present(rock, room), present(gem, room), present(rock, elsewhere) })) + "\n");
}

// set_hide(): hidden objects vanish from all_inventory() and find_living()
// unless the master's valid_hide() lets the looker see them.
#include "names.h"

int see = 0;
int valid_hide(object ob) { return ob == this_object() || ob->query_name() == "ghost" ? 1 : see; }

void create() {
  object room = make("/thing", "room"), ghost = make("/ghost", "ghost"), rock = make("/thing", "rock");
  ghost->move(room);
  rock->move(room);
  ghost->hide(1);
  write(names(all_inventory(room)) + "\n");
  write(names(room->inv()) + " " + names(({ room->first() })) + "\n");
  see = 1;
  write(names(room->inv()) + "\n");
  see = 0;
  ghost->hide(0);
  write(names(room->inv()) + "\n");
}

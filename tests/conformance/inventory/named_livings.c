// named_livings() lists living objects with a living name; livings() all
// living objects; hidden ones only for those valid_hide() lets see them.
#include "names.h"
// (names() skips the nameless /npc blueprint, which is living too.)

int valid_hide(object ob) { return ob->query_name() == "shy"; }

void create() {
  object a = make("/npc", "a"), b = make("/npc", "b"), shy = make("/ghost", "shy");
  shy->live();
  a->name_me("alpha");
  shy->hide(1);
  write(names(named_livings()) + "\n");
  write(names(livings()) + "\n");
  write(names(shy->all_livings()) + "\n");
}

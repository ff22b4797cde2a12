// first_inventory()/next_inventory() walk an inventory newest first;
// first_inventory("/file") loads the object by name; all_inventory() and
// first_inventory() default to this_object().
#include "names.h"

void create() {
  object box = load_object("/plain_room"), ob;
  string *seen = ({});
  make("/thing", "one")->move(box);
  make("/thing", "two")->move(box);
  make("/thing", "three")->move(box);
  for (ob = first_inventory("/plain_room"); ob; ob = next_inventory(ob)) seen += ({ ob->query_name() });
  write(implode(seen, " ") + "\n");
  make("/thing", "mine")->move(this_object());
  write(names(all_inventory()) + " " + first_inventory()->query_name() + "\n");
  write(sprintf("%O\n", first_inventory(make("/thing", "empty"))));
}

// Class values are saved member by member as (/…,/) and, restored into a
// variable declared with that class (or an array of it), are usable by
// member name again.
#define F "/scratch_save_classes"
#include "scratch.h"

class item {
  string name;
  int weight;
  class item *parts;
}

class item sword;
class item *pack;
mixed loose;

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(F + ".o");
  sword = new(class item, name: "sword", weight: 3, parts: ({ new(class item, name: "hilt", weight: 1) }));
  pack = ({ new(class item, name: "rope", weight: 2) });
  loose = new(class item, name: "coin", weight: 0);
  save_object(F);
  write(read_file(F + ".o"));
  sword = 0; pack = 0; loose = 0;
  show(restore_object(F));
  show(sword->name + " " + sword->weight);
  show(sword->parts[0]->name);
  show(pack[0]->name + " " + pack[0]->weight);
  show(classp(loose));
  show(sizeof(loose));
  rm(F + ".o");
}

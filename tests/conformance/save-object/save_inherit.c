// Inherited globals come first, in inheritance order; static and nosave
// globals are never saved, private ones are.
inherit "/base";

#define F "/scratch_save_inherit"
#include "scratch.h"

int own = 1;
static int own_static = 2;
nosave int own_nosave = 3;

void create() {
  clean(F + ".o");
  save_object(F);
  write(read_file(F + ".o"));
  rm(F + ".o");
}

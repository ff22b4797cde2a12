// Inherited globals restore too, private ones included; static and nosave
// ones (inherited or not) keep their values whatever the file says.
inherit "/base";

#define F "/scratch_restore_inherited"
#include "scratch.h"

int own;

void create() {
  clean(F + ".o");
  write_file(F + ".o", "#/x.c\nbase_level 70\nbase_static 80\nbase_nosave \"changed\"\nbase_private \"restored\"\nown 5\n", 1);
  write(restore_object(F) + "\n");
  write(sprintf("%O %O %O %O %O\n", base_level, base_static, base_nosave, base_private(), own));
  rm(F + ".o");
}

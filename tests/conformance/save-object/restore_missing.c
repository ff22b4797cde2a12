// A missing, empty or directory save file makes restore_object return 0 and
// leaves every global alone (nothing is zeroed).
#define F "/scratch_restore_missing"
#include "scratch.h"

int x = 5;

void create() {
  clean(F + ".o");
  write(restore_object(F) + " " + x + "\n");
  write_file(F + ".o", "", 1);
  write(restore_object(F) + " " + x + "\n");
  rm(F + ".o");
  mkdir(F + ".o");
  write(restore_object(F) + " " + x + "\n");
  rmdir(F + ".o");
}

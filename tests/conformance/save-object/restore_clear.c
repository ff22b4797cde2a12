// Without the flag, restore_object first zeroes every saved global (they
// read as undefined); with flag 1 globals missing from the file keep their
// values. static/nosave globals are never touched.
#define F "/scratch_restore_clear"
#include "scratch.h"

int kept = 1;
int other = 2;
nosave int temp = 3;
static int stat = 4;

void show(string what) {
  write(sprintf("%s: kept=%O other=%O temp=%O stat=%O undefinedp(other)=%d\n", what, kept, other, temp, stat, undefinedp(other)));
}

void create() {
  clean(F + ".o");
  write_file(F + ".o", "#/restore_clear.c\nkept 10\ntemp 30\nstat 40\n", 1);
  restore_object(F, 1);
  show("flag 1");
  other = 2;
  restore_object(F);
  show("no flag");
  rm(F + ".o");
}

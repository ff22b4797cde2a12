// "x", "x.c" and "x.o" all name the save file x.o, for saving and restoring.
#define D "/scratch_file_names"
#include "scratch.h"

int v;

void create() {
  clean(D);
  mkdir(D);
  v = 1; save_object(D + "/plain");
  v = 2; save_object(D + "/source.c");
  v = 3; save_object(D + "/saved.o");
  write(sprintf("%O\n", get_dir(D + "/")));
  v = 0; restore_object(D + "/plain.o"); write(v + "\n");
  v = 0; restore_object(D + "/source"); write(v + "\n");
  v = 0; restore_object(D + "/saved.c"); write(v + "\n");
  foreach (string f in get_dir(D + "/")) rm(D + "/" + f);
  rmdir(D);
}

// A refused path is an error; a save that can't be written returns 0 and
// leaves no temp file behind (the write is atomic: temp file, fsync, rename).
#define D "/scratch_save_failures"
#include "scratch.h"

int v = 1;

int valid_write(string path, mixed ob, string fn) {
  return strsrch(path, "locked") < 0;
}

mixed valid_read(string path, mixed ob, string fn) {
  if (strsrch(path, "alias") >= 0) return D + "/real.o";
  return 1;
}

void create() {
  clean(D);
  mkdir(D);
  write(sprintf("%O\n", catch(save_object(D + "/locked"))));
  write(save_object(D + "/no/such/dir/x") + "\n");
  mkdir(D + "/dir.o");
  write(save_object(D + "/dir") + "\n");
  write(sprintf("%O\n", get_dir(D + "/")));
  v = 2;
  write(save_object(D + "/real") + "\n");
  v = 0;
  write(restore_object(D + "/alias") + " " + v + "\n");
  rmdir(D + "/dir.o");
  rm(D + "/real.o");
  rmdir(D);
}

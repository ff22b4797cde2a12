// rm removes files only; mkdir needs an existing parent and fails on an
// existing name; rmdir only removes empty directories. All answer 1 or 0.
#define D "/scratch_rm_mkdir_rmdir"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  show(mkdir(D));
  show(mkdir(D));
  show(mkdir(D + "/a/b"));
  show(mkdir(D + "/a"));
  write_file(D + "/a/f", "x");
  show(rm(D + "/a"));
  show(rmdir(D + "/a"));
  show(mkdir(D + "/a/f"));
  show(rmdir(D + "/a/f"));
  show(rm(D + "/a/f"));
  show(rm(D + "/a/f"));
  show(rmdir(D + "/a"));
  show(rmdir(D + "/a"));
  show(rmdir(D));
  show(file_size(D));
  show(rmdir("/"));
}

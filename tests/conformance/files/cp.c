// cp(from, to): 1 on success (replacing the target), into a directory target
// under the same name; -1 for a missing source, -2 for a target that can't be
// written, -3 for a directory source (MudOS and Neolith fail at its first read).
#define D "/scratch_cp"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  mkdir(D + "/sub");
  write_file(D + "/a", "alpha\n", 1);
  write_file(D + "/b", "old contents that are longer\n", 1);
  show(cp(D + "/a", D + "/b"));
  show(read_file(D + "/b"));
  show(cp(D + "/a", D + "/sub"));
  show(read_file(D + "/sub/a"));
  show(cp(D + "/missing", D + "/c"));
  show(cp(D + "/sub", D + "/c"));
  show(file_size(D + "/c"));
  show(cp(D + "/a", D + "/nodir/c"));
  show(read_file(D + "/a"));
  rm(D + "/a");
  rm(D + "/b");
  rm(D + "/sub/a");
  rmdir(D + "/sub");
  rmdir(D);
}

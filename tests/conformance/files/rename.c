// rename(from, to): 0 on success (replacing a file), into a directory
// target under the same name, directories can be renamed too; a missing
// source, a directory in the way or the same file are errors, as in MudOS.
#define D "/scratch_rename"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  mkdir(D + "/sub");
  write_file(D + "/a", "alpha\n", 1);
  write_file(D + "/b", "beta\n", 1);
  show(rename(D + "/a", D + "/c"));
  show(get_dir(D + "/"));
  show(rename(D + "/c", D + "/b"));
  show(read_file(D + "/b"));
  show(rename(D + "/b", D + "/sub"));
  show(get_dir(D + "/sub/"));
  show(rename(D + "/sub", D + "/dir"));
  show(get_dir(D + "/"));
  show(catch(rename(D + "/missing", D + "/x")));
  mkdir(D + "/dir/x");
  write_file(D + "/x", "x\n", 1);
  show(catch(rename(D + "/x", D + "/dir")));
  show(catch(rename(D + "/x", D + "/x")));
  show(catch(rename(D + "/x", D + "/nodir/x")));
  rm(D + "/x");
  rmdir(D + "/dir/x");
  rm(D + "/dir/b");
  rmdir(D + "/dir");
  rmdir(D);
  show(file_size(D));
}

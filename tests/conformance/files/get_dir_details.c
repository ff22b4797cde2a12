// get_dir(pattern, -1): "." and ".." match a pattern too and report as
// directories (size -2); entries come sorted by name.
#define D "/scratch_get_dir_details"
#include "scratch.h"

void create() {
  clean(D);
  mkdir(D);
  write_file(D + "/.hidden", "12", 1);
  write_file(D + "/x", "123", 1);
  foreach (mixed *e in get_dir(D + "/.*", -1)) write(sprintf("%s %d\n", e[0], e[1]));
  write("--\n");
  foreach (mixed *e in get_dir(D + "/*", -1)) write(sprintf("%s %d\n", e[0], e[1]));
  write("--\n");
  foreach (mixed *e in get_dir(D + "/", -1)) write(sprintf("%s %d\n", e[0], e[1]));
  rm(D + "/.hidden");
  rm(D + "/x");
  rmdir(D);
}

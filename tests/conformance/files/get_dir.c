// get_dir: "/d/" and "/d/." list d (sorted, no "." or ".."); "/d" alone is
// ({ "d" }); a missing last component is a pattern with * and ? (matched
// against "." and ".." too); a missing directory is 0; -1 gives
// ({ name, size, mtime }) with size -2 for directories.
#define D "/scratch_get_dir"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  mixed *info;
  clean(D);
  mkdir(D);
  mkdir(D + "/sub");
  write_file(D + "/b.c", "int x;\n", 1);
  write_file(D + "/a.c", "", 1);
  write_file(D + "/a.h", "1234", 1);
  write_file(D + "/ab.txt", "hello", 1);
  show(get_dir(D + "/"));
  show(sprintf("%O", get_dir(D + "/.")) == sprintf("%O", get_dir(D + "/")));
  show(get_dir(D));
  show(get_dir(D + "/a.h"));
  show(get_dir(D + "/*.c"));
  show(get_dir(D + "/a?c"));
  show(get_dir(D + "/a*"));
  show(get_dir(D + "/*"));
  show(get_dir(D + "/z*"));
  show(get_dir(D + "/nope/"));
  show(get_dir(D + "/nope/*"));
  info = get_dir(D + "/", -1);
  foreach (mixed *e in info) write(sprintf("%s %d %s\n", e[0], e[1], intp(e[2]) && e[2] > 0 ? "mtime" : "?"));
  show(get_dir(D + "/a.h", -1)[0][0..1]);
  show(get_dir(D, -1)[0][0..1]);
  rm(D + "/b.c");
  rm(D + "/a.c");
  rm(D + "/a.h");
  rm(D + "/ab.txt");
  rmdir(D + "/sub");
  rmdir(D);
}

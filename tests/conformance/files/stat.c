// stat: a file is ({ size, mtime, load time }) (0 when no object of that
// name is loaded); anything else is what get_dir(path, flag) gives.
#define D "/scratch_stat"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  mixed *s;
  clean(D);
  mkdir(D);
  write_file(D + "/f.txt", "12345", 1);
  s = stat(D + "/f.txt");
  write(sprintf("%d %d %s %d\n", sizeof(s), s[0], s[1] > 0 ? "mtime" : "?", s[2]));
  show(stat(D));
  show(stat(D + "/"));
  show(stat(D + "/", -1)[0][0..1]);
  show(stat(D + "/missing"));
  rm(D + "/f.txt");
  rmdir(D);
}

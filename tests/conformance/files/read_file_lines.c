// read_file(file, start, count): 1-based line ranges, count 0 = to the end,
// a negative start counts from the end (FluffOS), past the end is 0, a
// negative count is 0, an empty file is "" whatever the range.
#define D "/scratch_read_file_lines"
#include "scratch.h"
#define F D + "/lines.txt"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  write_file(F, "l1\nl2\nl3\nl4\nl5\n", 1);
  show(read_file(F, 2, 2));
  show(read_file(F, 4));
  show(read_file(F, 0, 1));
  show(read_file(F, 5, 10));
  show(read_file(F, 6, 1));
  show(read_file(F, 100));
  show(read_file(F, -2, 1));
  show(read_file(F, -2));
  show(read_file(F, -100, 1));
  show(read_file(F, 1, -1));
  write_file(F, "a\nb", 1);
  show(read_file(F, 2, 1));
  show(read_file(F, 1, 1));
  write_file(F, "", 1);
  show(read_file(F));
  show(read_file(F, 3, 2));
  rm(F);
  rmdir(D);
}

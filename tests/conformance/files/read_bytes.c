// read_bytes(file, start, count): byte offsets (negative from the end),
// count 0 = to the end, clamped at the end; 0 at or past the end, for a
// missing file, a directory or a negative count.
#define D "/scratch_read_bytes"
#include "scratch.h"
#define F D + "/bytes.txt"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  write_file(F, "0123456789", 1);
  show(read_bytes(F));
  show(read_bytes(F, 3));
  show(read_bytes(F, 3, 4));
  show(read_bytes(F, -3));
  show(read_bytes(F, -3, 2));
  show(read_bytes(F, 8, 100));
  show(read_bytes(F, 10));
  show(read_bytes(F, 11, 1));
  show(read_bytes(F, 0, -1));
  show(read_bytes(F, -11, 2));
  show(read_bytes(D));
  show(read_bytes(D + "/missing"));
  write_file(F, "", 1);
  show(read_bytes(F));
  rm(F);
  rmdir(D);
}

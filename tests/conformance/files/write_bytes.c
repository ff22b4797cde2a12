// write_bytes(file, start, data) overwrites in place without truncating, may
// extend at the end, creates a missing file at offset 0; a negative start
// counts from the end; a start past the end is 0; an int is written as 4
// bytes in network order and 0 is a bad argument; nothing written is 0.
#define D "/scratch_write_bytes"
#include "scratch.h"
#define F D + "/b.txt"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  show(write_bytes(F, 0, "hello world"));
  show(read_file(F));
  show(write_bytes(F, 6, "WORLD"));
  show(read_file(F));
  show(write_bytes(F, -5, "there"));
  show(read_file(F));
  show(write_bytes(F, 11, "!"));
  show(read_file(F));
  show(write_bytes(F, 13, "?"));
  show(write_bytes(F, -13, "?"));
  show(write_bytes(F, 0, ""));
  show(file_size(F));
  show(write_bytes(F, 0, 0x41424344));
  show(read_bytes(F, 0, 4));
  show(explode(catch(write_bytes(F, 0, 0)), "\n")[0]);
  show(write_bytes(D, 0, "x"));
  rm(F);
  rmdir(D);
}

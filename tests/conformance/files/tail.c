// tail(file) writes the file's last 1080 bytes to this_player() (here the
// app's output), dropping the first partial line when it had to cut; 1 on
// success, 0 for a missing file or a directory.
#define D "/scratch_tail"
#include "scratch.h"

void create() {
  string text = "";
  clean(D);
  mkdir(D);
  write_file(D + "/short", "first\nsecond\n", 1);
  write(tail(D + "/short") + "\n");
  for (int i = 1; i <= 100; i++) text += sprintf("line %03d: %s\n", i, "0123456789012345678901234567890123456789");
  write_file(D + "/long", text, 1);
  write("--\n");
  write(tail(D + "/long") + "\n");
  write(tail(D + "/missing") + "\n");
  write(tail(D) + "\n");
  rm(D + "/short");
  rm(D + "/long");
  rmdir(D);
}

// write_file appends (flag 1 overwrites), read_file reads it back; read_file
// of a missing file and of a directory is 0.
#define D "/scratch_read_write"
#include "scratch.h"

void create() {
  clean(D);
  mkdir(D);
  write(write_file(D + "/a.txt", "one\n") + "\n");
  write(write_file(D + "/a.txt", "two\n") + "\n");
  write(read_file(D + "/a.txt"));
  write(write_file(D + "/a.txt", "three\n", 1) + "\n");
  write(read_file(D + "/a.txt"));
  write(sprintf("%O\n", read_file(D + "/missing.txt")));
  write(sprintf("%O\n", read_file(D)));
  write(sprintf("%O\n", read_file("scratch_read_write/a.txt")));
  rm(D + "/a.txt");
  rmdir(D);
  write(sprintf("%O\n", file_size(D)));
}

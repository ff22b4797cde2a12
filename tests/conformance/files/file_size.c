// file_size: bytes (UTF-8), -2 for a directory, -1 when missing.
// file_length (Neolith): newline count, -2 for a directory, -1 when missing.
#define D "/scratch_file_size"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  write_file(D + "/a", "one\ntwo\nthree", 1);
  write_file(D + "/u", "你好\n", 1);
  write_file(D + "/e", "", 1);
  show(file_size(D + "/a"));
  show(file_size(D + "/u"));
  show(file_size(D + "/e"));
  show(file_size(D));
  show(file_size(D + "/"));
  show(file_size(D + "/missing"));
  show(file_size(D + "/a/b"));
  show(file_length(D + "/a"));
  show(file_length(D + "/u"));
  show(file_length(D + "/e"));
  show(file_length(D));
  show(file_length(D + "/missing"));
  rm(D + "/a");
  rm(D + "/u");
  rm(D + "/e");
  rmdir(D);
}

// Text is Unicode and files are UTF-8: file_size and byte offsets count
// UTF-8 bytes, read_file/read_bytes decode them back to characters.
#define D "/scratch_unicode"
#include "scratch.h"
#define F D + "/u.txt"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  write_file(F, "héllo 你好\nüber\n", 1);
  show(file_size(F));
  show(strlen(read_file(F)));
  show(read_file(F, 2, 1));
  show(read_bytes(F, 7, 6));
  show(sizeof(read_buffer(F, 0, 3)));
  show(write_bytes(F, 0, "HÉ"));
  show(read_file(F, 1, 1));
  rm(F);
  rmdir(D);
}

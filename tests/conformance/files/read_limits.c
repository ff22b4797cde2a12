// MaxReadFileSize (200000 by default): a whole larger file reads as 0, a line
// range is looked for in its first 200000 bytes. MaxByteTransfer (10000):
// read_bytes of more is an error, write_bytes of more is 0.
#define D "/scratch_read_limits"
#include "scratch.h"
#define F D + "/big.txt"

void create() {
  clean(D);
  string line = sprintf("%-99s\n", "x");
  string chunk = "";
  mkdir(D);
  for (int i = 0; i < 100; i++) chunk += line;
  write_file(F, "", 1);
  for (int i = 0; i < 21; i++) write_file(F, chunk);
  write(file_size(F) + "\n");
  write(sprintf("%O\n", read_file(F)));
  write(sprintf("%O\n", read_file(F, 2, 1) == line));
  write(sprintf("%O\n", read_file(F, 2000, 1) == line));
  write(sprintf("%O\n", read_file(F, 2001, 1)));
  write(sprintf("%O\n", read_file(F, 1500)));
  write(sprintf("%O\n", catch(read_bytes(F))));
  write(sprintf("%O\n", strlen(read_bytes(F, 0, 10000))));
  write(sprintf("%O\n", write_bytes(F, 0, sprintf("%10001s", ""))));
  write(sprintf("%O\n", write_bytes(F, 0, sprintf("%10000s", ""))));
  rm(F);
  rmdir(D);
}

// read_buffer/write_buffer: on a file they work like read_bytes/write_bytes
// but read a buffer; on a buffer, write_buffer copies bytes in place (never
// growing it) and read_buffer returns the bytes as a string up to a NUL.
#define D "/scratch_buffers"
#include "scratch.h"
#define F D + "/buf.bin"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  buffer b;
  clean(D);
  mkdir(D);
  write_file(F, "abcdefgh", 1);
  b = read_buffer(F);
  show(bufferp(b));
  show(sizeof(b));
  show(read_buffer(b));
  show(read_buffer(b, 2, 3));
  show(read_buffer(b, -2));
  show(read_buffer(b, 8));
  show(read_buffer(b, -9));
  show(write_buffer(b, 1, "XY"));
  show(read_buffer(b));
  show(write_buffer(b, -1, "Z"));
  show(read_buffer(b));
  show(write_buffer(b, 7, "too long"));
  show(write_buffer(b, 0, 0x41424344));
  show(read_buffer(b));
  show(write_buffer(b, 3, 0));
  show(read_buffer(b));
  show(read_buffer(b, 4));
  show(sizeof(read_buffer(F, 2, 3)));
  show(write_buffer(F, 2, "__"));
  show(read_file(F));
  show(write_buffer(F, 0, b));
  show(read_bytes(F, 0, 3));
  show(read_buffer(F, 100));
  rm(F);
  rmdir(D);
}

// Paths are mudlib-absolute ("a/b" is "/a/b"); a ".." component, a "."
// component anywhere but at the end, a "#" or a second leading slash make a
// path illegal (MudOS legal_path), even when it would stay inside the mudlib.
#define D "/scratch_legal_paths"
#include "scratch.h"

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  write_file(D + "/f.txt", "hello\n");
  show(read_file("scratch_legal_paths/f.txt"));
  show(read_file("/scratch_legal_paths///f.txt"));
  show(read_file("//scratch_legal_paths/f.txt"));
  show(write_file(D + "/clone#1", "x"));
  show(read_file(D + "/../scratch_legal_paths/f.txt"));
  show(read_file(D + "/./f.txt"));
  show(read_file("./scratch_legal_paths/f.txt"));
  show(file_size(D + "/."));
  show(file_size("/"));
  show(file_size("."));
  show(write_file("../escape.txt", "x"));
  show(write_file("/../escape.txt", "x"));
  show(file_size(".."));
  show(get_dir("/../"));
  show(mkdir(D + "/../x"));
  show(file_size("/../escape.txt"));
  rm(D + "/f.txt");
  rmdir(D);
}

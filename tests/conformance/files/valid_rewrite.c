// A string from valid_read/valid_write replaces the path: here "~/x" means
// "/scratch_valid_rewrite/home/x". A rewritten path must still be legal.
#define D "/scratch_valid_rewrite"
#include "scratch.h"

mixed fix(string path) {
  if (path[0..1] == "~/") return D + "/home/" + path[2..];
  if (path == "/escape") return "/../outside";
  return 1;
}

mixed valid_read(string path, mixed ob, string fn) { return fix(path); }
mixed valid_write(string path, mixed ob, string fn) { return fix(path); }

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  mkdir(D + "/home");
  show(write_file("~/note.txt", "rewritten\n"));
  show(read_file(D + "/home/note.txt"));
  show(read_file("~/note.txt"));
  show(file_size("~/note.txt"));
  show(get_dir("~/"));
  show(cp("~/note.txt", "~/copy.txt"));
  show(rename("~/copy.txt", "~/moved.txt"));
  show(get_dir(D + "/home/"));
  show(write_file("/escape", "x"));
  show(read_file("/escape"));
  rm("~/note.txt");
  rm("~/moved.txt");
  rmdir("~/");
  rmdir(D);
  show(file_size(D));
}

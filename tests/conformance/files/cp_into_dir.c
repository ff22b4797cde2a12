// cp into a directory checks valid_write again for the joined path (MudOS
// copies by calling itself with it); rename into a directory moves it under
// the same name, directories included.
#define D "/scratch_cp_into_dir"
#include "scratch.h"

int valid_write(string path, mixed ob, string fn) {
  return strsrch(path, "/guarded/") < 0;
}

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  mkdir(D + "/guarded");
  mkdir(D + "/open");
  mkdir(D + "/tree");
  write_file(D + "/f.txt", "data\n", 1);
  write_file(D + "/tree/leaf", "leaf\n", 1);
  show(cp(D + "/f.txt", D + "/guarded"));
  show(cp(D + "/f.txt", D + "/open"));
  show(get_dir(D + "/open/"));
  show(rename(D + "/tree", D + "/open"));
  show(read_file(D + "/open/tree/leaf"));
  rm(D + "/open/tree/leaf");
  rmdir(D + "/open/tree");
  rm(D + "/open/f.txt");
  rmdir(D + "/open");
  rmdir(D + "/guarded");
  rm(D + "/f.txt");
  rmdir(D);
  show(file_size(D));
}

// write_file into a directory that does not exist is an error with MudOS's
// wording (strerror on its own line); a path refused by valid_write is 0.
#define D "/scratch_write_file_errors"
#include "scratch.h"

int valid_write(string path, mixed ob, string fn) {
  return strsrch(path, "forbidden") < 0;
}

void create() {
  string err;
  clean(D);
  err = catch(write_file(D + "/no/such/dir.txt", "x"));
  write(err);
  err = catch(write_file(D + "/no/such/dir.txt", "x", 1));
  write(err);
  write(write_file(D + "/forbidden.txt", "x") + "\n");
  write(file_size(D + "/forbidden.txt") + "\n");
}

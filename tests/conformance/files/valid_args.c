// Every file efun asks the master: valid_read or valid_write with the path as
// given, the current object and the efun's MudOS name ("stat" for get_dir,
// "remove_file" for rm, "move_file" for cp, "rename" for both rename paths).
#define D "/scratch_valid_args"
#include "scratch.h"

nosave string *log = ({});

int valid_read(string path, mixed ob, string fn) {
  log += ({ sprintf("R %s %s %s", fn, path, ob == this_object() ? "me" : "other") });
  return 1;
}

int valid_write(string path, mixed ob, string fn) {
  log += ({ sprintf("W %s %s %s", fn, path, ob == this_object() ? "me" : "other") });
  return 1;
}

void flush() {
  foreach (string s in log) write(s + "\n");
  log = ({});
}

void create() {
  clean(D); log = ({});
  mkdir(D);
  write_file(D + "/a", "x\n");
  read_file(D + "/a");
  read_bytes(D + "/a");
  write_bytes(D + "/a", 0, "y");
  read_buffer(D + "/a");
  write_buffer(D + "/a", 0, "z");
  file_size(D + "/a");
  file_length(D + "/a");
  get_dir(D + "/");
  stat(D + "/a");
  tail(D + "/a");
  cp(D + "/a", D + "/b");
  rename(D + "/b", D + "/c");
  rm(D + "/c");
  save_object(D + "/s");
  restore_object(D + "/s");
  rm(D + "/s.o");
  rm(D + "/a");
  rmdir(D + "/");
  flush();
}

// A master answering 0 refuses: each efun then returns what MudOS returns
// for a refused path (save_object/restore_object raise errors instead).
#define D "/scratch_valid_deny"
#include "scratch.h"

int valid_read(string path, mixed ob, string fn) {
  return strsrch(path, "secret") < 0;
}

int valid_write(string path, mixed ob, string fn) {
  return strsrch(path, "secret") < 0 && strsrch(path, "locked") < 0;
}

void show(string what, mixed x) { write(what + " " + sprintf("%O", x) + "\n"); }

void create() {
  clean(D);
  mkdir(D);
  write_file(D + "/ok.txt", "ok\n");
  show("read_file", read_file(D + "/secret.txt"));
  show("read_bytes", read_bytes(D + "/secret.txt"));
  show("read_buffer", read_buffer(D + "/secret.txt"));
  show("file_size", file_size(D + "/secret.txt"));
  show("file_length", file_length(D + "/secret.txt"));
  show("get_dir", get_dir(D + "/secret/"));
  show("stat", stat(D + "/secret.txt"));
  show("tail", tail(D + "/secret.txt"));
  show("write_file", write_file(D + "/locked.txt", "x"));
  show("write_bytes", write_bytes(D + "/locked.txt", 0, "x"));
  show("write_buffer", write_buffer(D + "/locked.txt", 0, "x"));
  show("rm", rm(D + "/locked.txt"));
  show("mkdir", mkdir(D + "/locked"));
  show("rmdir", rmdir(D + "/locked"));
  show("rename from", rename(D + "/locked.txt", D + "/x.txt"));
  show("rename to", rename(D + "/ok.txt", D + "/locked.txt"));
  show("cp from", cp(D + "/secret.txt", D + "/x.txt"));
  show("cp to", cp(D + "/ok.txt", D + "/locked.txt"));
  show("link", link(D + "/ok.txt", D + "/locked.txt"));
  show("save_object", catch(save_object(D + "/locked")));
  show("restore_object", catch(restore_object(D + "/secret")));
  show("left", get_dir(D + "/"));
  rm(D + "/ok.txt");
  rmdir(D);
}

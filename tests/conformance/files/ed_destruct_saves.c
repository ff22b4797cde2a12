// Destructing an object whose ed session has unsaved changes writes the
// buffer where the master's get_ed_buffer_save_file_name() says (MudOS ed.c
// object_save_ed_buffer); the object's other state goes with it.
#define D "/scratch_ed_destruct"
#include "scratch.h"

string get_ed_buffer_save_file_name(string file) {
  write("save name asked for " + file + "\n");
  return D + "/saved";
}

void create() {
  object ed;
  clean(D);
  mkdir(D);
  write_file(D + "/t", "one\ntwo\n");
  ed = clone_object("/ed_editor");
  ed->open(D + "/t");
  ed->cmd("1s/one/uno/");
  write(in_edit(ed) + "\n");
  destruct(ed);
  write(read_file(D + "/saved"));
  write(read_file(D + "/t"));
  clean(D);
}

// The object interface to the line editor (MudOS v22 ed_start/ed_cmd,
// testsuite efuns/ed.c, in_edit.c, query_ed_mode.c): one session per object,
// the editor's output returned as a string, the file written with x.
#define D "/scratch_ed_session"
#include "scratch.h"

void create() {
  clean(D);
  mkdir(D);
  write_file(D + "/t", "xyzzy\nxxx");
  write(catch(ed_cmd("p")));
  write(query_ed_mode() + " " + in_edit(this_object()) + "\n");
  write(ed_start(D + "/t"));
  write(query_ed_mode() + " " + in_edit(this_object()) + "\n");
  write(catch(ed_start(D + "/t")));
  ed_cmd("1s/y/a/g");
  ed_cmd("2s!x!b!");
  write(ed_cmd("1,$p"));
  ed_cmd("2c");
  write(query_ed_mode() + "\n");
  ed_cmd("replaced");
  ed_cmd(".");
  write(ed_cmd("q"));
  write(ed_cmd("x"));
  write(query_ed_mode() + "\n");
  write(read_file(D + "/t"));
  clean(D);
}

// uids as MudOS v22 gives them: creator_file() names the uid; an object loaded
// by one with the same uid gets that uid and the loader's euid (Neolith leaves
// the euid 0; the MudOS testsuite relies on the MudOS rule); the backbone uid
// takes the loader's euid as uid and euid; other objects get euid 0.
string creator_file(string file) {
  if (file[0..6] == "/alice/") return "alice";
  if (file[0..3] == "/bb/") return "Backbone";
  return "Misc";
}
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return getuid(ob) == uid; }

void check() {
  object room, thing, tool, x;
  write(sprintf("master %O/%O\n", getuid(), geteuid()));
  room = load_object("/alice/room");
  write("room " + room->ids() + "\n");
  write(room->set_euid("alice") + " " + room->ids() + "\n");
  thing = room->try_load("/alice/thing");
  write("thing " + thing->ids() + "\n");
  tool = room->try_clone("/bb/tool");
  write("tool " + tool->ids() + "\n");
  x = new("/misc/x");
  write("x " + x->ids() + "\n");
  write(x->try_clone("/alice/thing") + "\n");
  write(x->try_load("/alice/other") + "\n");
  write(sprintf("%O\n", find_object("/alice/other")));
}

void create() { call_out("check", 0); }

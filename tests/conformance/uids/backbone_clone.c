// Clones follow the same rules as loads: a clone whose creator is the
// backbone uid takes the cloner's euid as uid and euid.
string creator_file(string file) { return file[0..3] == "/bb/" ? "Backbone" : file[0..6] == "/alice/" ? "alice" : "Misc"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return 1; }

void check() {
  object room = load_object("/alice/room"), t1, t2;
  room->set_euid("wizard");
  t1 = room->try_clone("/bb/tool");
  t2 = new("/bb/tool");
  write(t1->ids() + " " + t2->ids() + "\n");
}

void create() { call_out("check", 0); }

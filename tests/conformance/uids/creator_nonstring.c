// creator_file() returning something other than a string gives the uid
// "NONAME"; clones get uids like loaded objects (asked with the clone's name).
string creator_file(string file) {
  write("creator_file " + file + "\n");
  return file[0..6] == "/alice/" ? "alice" : 0;
}
string get_root_uid() { return "Root"; }

void check() {
  object x = load_object("/misc/x"), c = new("/alice/thing");
  write(x->ids() + " " + c->ids() + "\n");
}

void create() { call_out("check", 0); }

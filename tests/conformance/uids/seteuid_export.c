// seteuid(): 0 always works, a string only when valid_seteuid() agrees.
// export_uid(ob): ob's uid becomes our euid when ob has no euid (else 0);
// exporting euid 0 is an error. geteuid(fp) is the pointer owner's euid.
string creator_file(string file) { return file[0..6] == "/alice/" ? "alice" : "Misc"; }
string get_root_uid() { return "Root"; }
int valid_seteuid(object ob, string uid) { return getuid(ob) == uid; }

void check() {
  object room = load_object("/alice/room"), x = new("/misc/x"), y = new("/misc/x");
  write(room->set_euid("Root") + " " + room->ids() + "\n");
  write(room->set_euid("alice") + " " + room->ids() + "\n");
  write(sprintf("%O %O\n", geteuid(room->fp()), geteuid(x->fp())));
  write(sprintf("%O", room->give(x)) + " " + x->ids() + "\n");
  y->set_euid("Misc");
  write(sprintf("%O", room->give(y)) + " " + y->ids() + "\n");
  write(sprintf("%O\n", x->give(room)));
  write(room->set_euid(0) + " " + room->ids() + "\n");
  write(catch(seteuid(1)) + "\n");
}

void create() { call_out("check", 0); }

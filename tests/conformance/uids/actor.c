// Helper: every test object inherits these, so that the calls run with its uids.
int set_euid(mixed uid) { return seteuid(uid); }
mixed try_clone(string file) { object o; mixed err = catch(o = new(file)); return err ? err : o; }
mixed try_load(string file) { object o; mixed err = catch(o = load_object(file)); return err ? err : o; }
mixed give(object ob) { int r; mixed err = catch(r = export_uid(ob)); return err ? err : r; }
function fp() { return (: 1 :); }
string ids() { return sprintf("%O/%O", getuid(), geteuid()); }

// The mudlib of the integration tests: a user logs in with input_to (its
// name) and then has one command per behaviour under test. The master keeps
// a global order of commands (turn-ordering checks) and net_dead writes a
// file, since a user who lost its connection has nowhere to print.
export const IT_MUDLIB: Record<string, string> = {
  'it.conf': 'MudName IT\nMudlibDir .\nMasterFile /master.c\n',
  'master.c': `
string *order = ({ });
object connect(int port) { return new("/user"); }
string creator_file(string f) { return "IT"; }
string get_root_uid() { return "Root"; }
string get_bb_uid() { return "Backbone"; }
int valid_seteuid(object ob, string uid) { return 1; }
int valid_write(string path, object ob, string fn) { return 1; }
int valid_read(string path, object ob, string fn) { return 1; }
int valid_exec(object prog, object to, object from) { return 1; }
void note(string s) { order += ({ s }); }
string *query_order() { return order; }
`,
  'user.c': `
string name;
int count;
int start;

void create() { seteuid(getuid()); }
void logon() {
  write("login: ");
  input_to("got_name");
}
void got_name(string s) {
  name = s;
  enable_commands();
  add_action("cmd_echo", "echo");
  add_action("cmd_seq", "seq");
  add_action("cmd_ask", "ask");
  add_action("cmd_key", "key");
  add_action("cmd_timer", "timer");
  add_action("cmd_note", "note");
  add_action("cmd_become", "become");
  add_action("cmd_whoami", "whoami");
  add_action("cmd_quit", "quit");
  write("hello " + s + "\\n");
}
void set_name(string s) { name = s; }
int cmd_echo(string a) { write("echo " + (a ? a : "") + "\\n"); return 1; }
// Each line answers with its own text and this user's running count, so a
// lost or reordered line shows as a gap or a swap.
int cmd_seq(string a) { count++; write("seq " + a + " #" + count + "\\n"); return 1; }
int cmd_ask(string a) { write("secret: "); input_to("got_secret", 1); return 1; }
void got_secret(string s) { write("\\nsecret has " + strlen(s) + " chars\\n"); }
int cmd_key(string a) { write("press a key: "); get_char("got_key"); return 1; }
void got_key(string c) { write("key [" + c + "]\\n"); }
int cmd_timer(string a) {
  start = time_ns();
  call_out("fire", to_int(a) / 1000.0);
  return 1;
}
void fire() { write("fired after " + ((time_ns() - start) / 1000) + " us\\n"); }
int cmd_note(string a) { master()->note(name + ":" + a); write("noted " + a + "\\n"); return 1; }
// exec() moves the connection into a fresh body, which keeps the name.
int cmd_become(string a) {
  object body = new("/user");
  body->set_name(a);
  body->got_name(a);
  if (!exec(body, this_object())) { write("exec failed\\n"); return 1; }
  tell_object(body, "you are now " + a + " (old body interactive: " + interactive(this_object()) + ")\\n");
  destruct(this_object());
  return 1;
}
int cmd_whoami(string a) { write("i am " + name + " in " + file_name(this_object()) + "\\n"); return 1; }
int cmd_quit(string a) { write("bye " + name + "\\n"); destruct(this_object()); return 1; }
void net_dead() {
  write_file("/net_dead.log", "net_dead " + name + " after " + count + "\\n");
  destruct(this_object());
}
`,
};

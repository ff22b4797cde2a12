// A small mudlib for backend and session tests: a master whose connect()
// hands out /user objects, and a user with one command per behaviour under
// test. Each user logs in with input_to (its name), then gets its actions.
export const TEST_MUDLIB: Record<string, string> = {
  'master.c': `
string *log = ({ });
object connect(int port) { return new("/user", port); }
string *epilog(int level) { return ({ "/room" }); }
void note(string s) { log += ({ s }); }
string *query_log() { return log; }
`,
  'room.c': `
void create() { }
`,
  'user.c': `
int port;
string name;
string ttype;
int width, height;
string gmcp_in;

void create(int p) { port = p; }
void logon() {
    write("Welcome on " + port + "\\nName: ");
    input_to("got_name");
}
void got_name(string s) {
    name = s;
    enable_commands();
    set_living_name(s);
    move_object(load_object("/room"));
    write("Hello " + s + "\\n");
    add_action("cmd_echo", "echo");
    add_action("cmd_note", "note");
    add_action("cmd_busy", "busy");
    add_action("cmd_quit", "quit");
    add_action("cmd_secret", "secret");
    add_action("cmd_key", "key");
    add_action("cmd_say", "say");
    add_action("cmd_shout", "shout");
    add_action("cmd_terminal", "terminal");
    add_action("cmd_gmcp", "gmcp");
    add_action("cmd_snoop", "snoop");
    add_action("cmd_timers", "timers");
    add_action("cmd_who", "who");
    add_action("cmd_swap", "swap");
    add_action("cmd_fail", "fail");
    add_action("cmd_idle", "idle");
    add_action("cmd_ip", "ip");
    add_action("cmd_lines", "lines");
    add_action("cmd_crash", "crash");
}
int cmd_crash(string arg) { error("broken command"); }
string query_name() { return name; }
int cmd_echo(string arg) { write("echo:" + arg + "\\n"); return 1; }
int cmd_note(string arg) { master()->note(name + ":" + arg); return 1; }
int cmd_busy(string arg) {
    int until = time_ns() + to_int(arg) * 1000000;
    master()->note(name + ":busy");
    while (time_ns() < until) ;
    return 1;
}
int cmd_quit(string arg) { write("bye\\n"); destruct(this_object()); return 1; }
int cmd_secret(string arg) { write("Password: "); input_to("got_secret", 1); return 1; }
void got_secret(string s) { write("\\nsecret=" + s + "\\n"); }
int cmd_key(string arg) { write("Key: "); get_char("got_key"); return 1; }
void got_key(string c) { write("key=[" + c + "]\\n"); }
int cmd_say(string arg) { say(name + " says: " + arg + "\\n"); write("You say: " + arg + "\\n"); return 1; }
int cmd_shout(string arg) { shout(name + " shouts: " + arg + "\\n"); return 1; }
void set_terminal_type(string t) { ttype = t; }
void set_window_size(int w, int h) { width = w; height = h; }
int cmd_terminal(string arg) { write("terminal=" + ttype + " size=" + width + "x" + height + "\\n"); return 1; }
void gmcp(string msg) { gmcp_in = msg; write("gmcp-in=" + msg + "\\n"); }
int cmd_gmcp(string arg) { send_gmcp(arg); return 1; }
int cmd_snoop(string arg) {
    object who = find_player(arg);
    write(snoop(this_object(), who) ? "snooping " + arg + "\\n" : "snoop refused\\n");
    return 1;
}
int cmd_timers(string arg) {
    call_out("fired", 0.2, "b", time_ns());
    call_out("fired", 0.1, "a", time_ns());
    call_out("fired", 0, "z", time_ns());
    return 1;
}
void fired(string tag, int started) {
    write("fired " + tag + " after " + ((time_ns() - started) / 1000000) + " ms for " + this_player()->query_name() + "\\n");
}
int cmd_who(string arg) {
    write("users:" + implode(map(users(), (: $1->query_name() :)), ",") + "\\n");
    return 1;
}
int cmd_swap(string arg) {
    object body = new("/body");
    int ok = exec(body, this_object());
    body->started(ok, interactive(this_object()), interactive(body), this_player() == body);
    destruct(this_object());
    return 1;
}
int cmd_fail(string arg) {
    if (arg == "fn") notify_fail((: "custom failure from a function\\n" :));
    else if (arg) notify_fail("custom failure: " + arg + "\\n");
    return 0;
}
int cmd_idle(string arg) { write("idle=" + query_idle(this_object()) + "\\n"); return 1; }
int cmd_ip(string arg) {
    write("ip=" + query_ip_number(this_object()) + " name=" + query_ip_name(this_object()) + " port=" + query_ip_port(this_object()) + "\\n");
    return 1;
}
int cmd_lines(string arg) { write("one\\ntwo\\n"); return 1; }
void telnet_suboption(buffer b) { write("suboption size=" + sizeof(b) + " first=" + b[0] + "\\n"); }
void net_dead() { master()->note(name + ":net_dead"); }
`,
  'body.c': `
void started(int ok, int old_interactive, int new_interactive, int tp_is_me) {
    add_action("cmd_where", "where");
    write(sprintf("exec=%d old=%d new=%d tp=%d\\n", ok, old_interactive, new_interactive, tp_is_me));
}
int cmd_where(string arg) { write("in the body\\n"); return 1; }
`,
};

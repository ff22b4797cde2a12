// call_out: equal due times run in registration order, a delay of 0 before a
// longer one; extra arguments are passed; this_player() at registration
// is this_player() when it runs; a function pointer works as well.
object who;

string query_name() { return "app"; }
void show(string tag, mixed a, mixed b) {
  write(sprintf("%s %O %O tp=%O\n", tag, a, b, this_player() == who));
}

void register() { call_out("show", 0, "second", 0, 0); }

void create() {
  who = new("/ticker");
  call_out("show", 0.2, "late", 1, 2);
  call_out("show", 0, "first", ({ 1 }), ([ "k": 1 ]));
  who->as_player(this_object());
  call_out((: show, "pointer" :), 0, 3, 4);
}

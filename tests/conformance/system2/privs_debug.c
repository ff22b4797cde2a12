// set_privs/query_privs, debug_info's three layouts, memory_info.
inherit "/base";

int level = 3;
mapping data = ([ "k" : ({ 1, "two" }) ]);

void create() {
  object c = clone_object("/base");
  write(sprintf("%O\n", query_privs(this_object())));
  set_privs(this_object(), "admin");
  set_privs(c, "guest");
  write(sprintf("%O %O %O\n", query_privs(this_object()), query_privs(c), query_privs()));
  set_privs(c, 0);
  write(sprintf("%O\n", query_privs(c)));
  write(debug_info(2, this_object()));
  string *info = explode(debug_info(0, c), "\n");
  write(implode(filter(info, (: $1[0..1] == "O_" || $1[0..3] == "name" :)), "\n") + "\n");
  string *prog = explode(debug_info(1, this_object()), "\n");
  write(implode(filter(prog, (: $1[0..3] == "Name" || $1[0..7] == "num vars" || $1[0..11] == "num inherits" :)), "\n") + "\n");
  write(sprintf("%d %d\n", memory_info(this_object()) > memory_info(c), memory_info() > 0));
  write(catch(debug_info(3, this_object())));
}

// static and protected functions are callable inside the program but not by
// call_other, which yields 0 (Neolith; MudOS v22 lets an object reach them with
// a call_other to itself, see README); function_exists() hides them unless flag 1
// (MudOS testsuite efuns/function_exists.c; protected too, and with the flag
// it finds a parent's private function as well: MudOS interpret.c).
inherit "/sp_parent";

void create() {
  write(stat_fn() + " " + prot_fn() + "\n");
  write(sprintf("%O %O\n", this_object()->stat_fn(), this_object()->prot_fn()));
  write(sprintf("%O %O\n", function_exists("stat_fn", this_object()),
    function_exists("stat_fn", this_object(), 1)));
  write(sprintf("%O\n", this_object()->pub_fn()));
  write(sprintf("%O %O\n", function_exists("prot_fn", this_object()),
    function_exists("prot_fn", this_object(), 1)));
  write(sprintf("%O %O %O\n", function_exists("priv_fn", this_object()),
    function_exists("priv_fn", this_object(), 1), function_exists("pub_fn", this_object())));
}

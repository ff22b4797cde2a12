// static and protected functions are callable inside the program but not by
// call_other, which yields 0 (Neolith; MudOS v22 lets an object reach them with
// a call_other to itself, see README); function_exists() hides them unless flag 1.
inherit "/sp_parent";

void create() {
  write(stat_fn() + " " + prot_fn() + "\n");
  write(sprintf("%O %O\n", this_object()->stat_fn(), this_object()->prot_fn()));
  write(sprintf("%O %O\n", function_exists("stat_fn", this_object()),
    function_exists("stat_fn", this_object(), 1)));
  write(sprintf("%O\n", this_object()->pub_fn()));
}

// A private redefinition in a middle program still takes the function's slot
// (MudOS v22 define_new_function; Neolith the same): the base program's call
// reaches it even from an object of a program further down, which neither
// sees nor may call that private function itself.
inherit "/poc_mid";

void create() {
  write(show() + "\n");
  write(sprintf("%O\n", this_object()->helper()));
  write(sprintf("%O\n", function_exists("helper", this_object(), 1)));
}

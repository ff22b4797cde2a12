// Multiple inheritance, late binding, ::f and Name::f, private members.
inherit "/base_a";
inherit "/base_b";

int c = 30;

string who() { return "C(" + base_a::who() + "," + base_b::who() + ")"; }

void create() {
  write(hello() + "\n");
  write(use_hidden() + "\n");
  write(only_b() + "\n");
  write(sprintf("%d %d %d %d\n", a, b, c, get_a()));
  a = 11;
  write(sprintf("after: %d\n", get_a()));
  write(function_exists("only_b", this_object()) + "\n");
  write(sprintf("%O\n", inherit_list(this_object())));
  write(inherits("/base_b", this_object()) + " " + inherits("/nothing", this_object()) + "\n");
}

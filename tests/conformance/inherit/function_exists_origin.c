// function_exists() names the program that defines the function, without .c.
inherit "/chain_b";

string own() { return "x"; }

void create() {
  write(function_exists("own", this_object()) + "\n");
  write(function_exists("id", this_object()) + "\n");
  write(function_exists("base_only", this_object()) + "\n");
  write(sprintf("%O\n", function_exists("nothing", this_object())));
}

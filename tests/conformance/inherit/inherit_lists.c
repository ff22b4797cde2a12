// inherit_list() gives direct parents as "/path.c" names; inherits() checks
// any ancestor.
inherit "/chain_b";
inherit "/other_parent";

void create() {
  write(implode(inherit_list(this_object()), " ") + "\n");
  write(inherits("/chain_a", this_object()) + " " + inherits("/chain_b", this_object()) + " " +
    inherits("/other_parent", this_object()) + " " + inherits("/vars_a", this_object()) + "\n");
  write(sizeof(inherit_list(load_object("/chain_a"))) + "\n");
}

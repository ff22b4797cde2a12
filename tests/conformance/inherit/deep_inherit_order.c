// deep_inherit_list() walks the inheritance tree breadth first: all direct
// parents, then their parents (MudOS array.c and Neolith objects.cpp both fill
// the list level by level).
inherit "/chain_b";
inherit "/other_parent";

void create() {
  write(implode(deep_inherit_list(this_object()), " ") + "\n");
  write(implode(deep_inherit_list(load_object("/chain_b")), " ") + "\n");
}

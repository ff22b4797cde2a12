// The initializers of inherited globals run when the child is created.
inherit "/init_parent";

int mine = parent_value * 2;

void create() {
  write(parent_value + " " + mine + " " + sizeof(parent_list) + "\n");
}

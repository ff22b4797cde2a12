// A nomask function can be called but not redefined by a child.
inherit "/nm_parent";

void create() {
  write(fixed() + "\n");
  mixed err = catch(load_object("/nm_bad_child"));
  write((err ? "redefinition rejected" : "redefinition accepted") + "\n");
}

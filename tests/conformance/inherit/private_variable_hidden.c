// A parent's private variable is not visible to the child: a child that uses
// it fails to compile. The parent's functions still use it.
inherit "/pvar_parent";

void create() {
  write(get_hidden() + "\n");
  mixed err = catch(load_object("/pvar_bad_child"));
  write((err ? "child using private variable rejected" : "accepted") + "\n");
}

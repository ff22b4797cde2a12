// Inheriting compiles the parent program; the parent object is loaded too
// (MudOS load_object loads the inherited file as an object).
inherit "/loaded_parent";

void create() {
  write(objectp(find_object("/loaded_parent")) + "\n");
  write(find_object("/loaded_parent")->where() + " " + where() + "\n");
}

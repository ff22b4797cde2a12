// An error in create() during load makes load_object() fail, but the object
// stays loaded (MudOS/Neolith load_object: create() runs after the object is
// entered in the table).
void create() {
  mixed err = catch(load_object("/helper_bad_create"));
  write(replace_string(err, "\n", "") + "\n");
  object ob = find_object("/helper_bad_create");
  write(objectp(ob) + "\n");
  write(ob->status_text() + "\n");
}

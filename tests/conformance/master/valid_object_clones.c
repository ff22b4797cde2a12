// valid_object() is asked for loaded objects only, not for clones; a
// refused object's clones cannot be made either (its blueprint never loads).
int valid_object(object ob) {
  write("valid_object " + file_name(ob) + "\n");
  return file_name(ob) != "/pre_b";
}

void create() {
  object a = new("/pre_a"), b = new("/pre_a");
  write(sizeof(children("/pre_a")) + "\n");
  write(catch(new("/pre_b")) + "\n");
}

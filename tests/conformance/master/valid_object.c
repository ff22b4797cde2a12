// valid_object(ob) is asked before create() of each loaded object; 0 refuses
// the load (the object is gone, load_object raises an error).
int valid_object(object ob) {
  write("valid_object " + file_name(ob) + "\n");
  return file_name(ob) != "/pre_b";
}

void create() {
  write(sprintf("%O\n", load_object("/pre_a")));
  write(catch(load_object("/pre_b")) + "\n");
  write(sprintf("%O\n", find_object("/pre_b")));
  write(sizeof(children("/pre_b")) + "\n");
}

// "../x.h" in an include is resolved against the including file's directory.
void create() {
  write(load_object("/sub/uses_parent")->value() + "\n");
}

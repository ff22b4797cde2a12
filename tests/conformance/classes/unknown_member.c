// An unknown member name is a compile error: the file does not load.
void create() {
  mixed err = catch(load_object("/bad_member"));
  write((err ? "bad_member failed to load" : "bad_member loaded") + "\n");
  write(sprintf("%O\n", find_object("/bad_member")));
}

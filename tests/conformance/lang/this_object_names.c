// file_name() of the app object is its path without .c; clones get #n.
void create() {
  write(file_name(this_object()) + "\n");
  write(file_name() + "\n");
  object c = clone_object("/helper_clone");
  string n = file_name(c);
  write((n[0..strlen("/helper_clone#") - 1] == "/helper_clone#") + " " + (n != "/helper_clone") + "\n");
  write(c->ping() + "\n");
}

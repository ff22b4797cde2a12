// find_object(name, 1) loads like load_object(); the leading slash and the
// ".c" suffix are optional in names.
void create() {
  write(sprintf("%O\n", find_object("/maker")));
  write(sprintf("%O\n", find_object("maker.c", 1)));
  write(sprintf("%d %d\n", find_object("maker") == find_object("/maker.c"), load_object("maker") == find_object("/maker")));
  write(sprintf("%O %O\n", find_object("/nothing", 1), load_object("nothing.c")));
}

// A master without creator_file() runs without the uid protocol: objects
// have uid 0, and nothing needs an euid to load or clone.
void create() {
  object x = new("/misc/x");
  write(sprintf("%O %O\n", getuid(x), geteuid(x)));
  write(sprintf("%d\n", objectp(x->try_clone("/alice/thing"))));
  write(sprintf("%d\n", objectp(x->try_load("/alice/other"))));
}

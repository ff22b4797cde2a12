// new()/clone_object() pass extra arguments to create(); the blueprint's
// create() gets none; clones are named "/file#N"; a clone cannot be cloned.
void create() {
  object a = new("/maker", 1, "two", ({ 3 })), b = clone_object("/maker");
  write(sprintf("%O\n", a->query_got()));
  write(sprintf("%O %O\n", b->query_got(), find_object("/maker")->query_got()));
  write(sprintf("%d %d\n", sscanf(file_name(a), "/maker#%*d") == 1, clonep(a)));
  write(catch(clone_object(file_name(a))) + "\n");
}

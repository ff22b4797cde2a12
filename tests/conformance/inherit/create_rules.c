// A child without create() runs the inherited create(); a child with its own
// create() runs only that one unless it calls ::create().
void create() {
  write("-- no own create\n");
  load_object("/cr_child_none");
  write("-- own create\n");
  load_object("/cr_child_own");
  write("-- own create calling ::create\n");
  load_object("/cr_child_super");
}

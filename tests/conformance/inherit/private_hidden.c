// A parent's private function can't be called from the child (the child fails
// to compile), but the parent's own code still reaches it.
inherit "/pv_parent";

void create() {
  write(call_secret() + "\n");
  write(sprintf("%O\n", this_object()->secret()));
  mixed err = catch(load_object("/pv_bad_child"));
  write((err ? "bad child failed to load" : "bad child loaded") + "\n");
}

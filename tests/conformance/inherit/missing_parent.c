// Inheriting a file that does not exist makes the child fail to load.
void create() {
  mixed err = catch(load_object("/orphan"));
  write((err ? "orphan failed" : "orphan loaded") + "\n");
  write(sprintf("%O\n", find_object("/orphan")));
}

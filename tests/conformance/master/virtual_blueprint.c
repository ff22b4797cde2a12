// compile_object() may return a loaded (non-clone) object: it is renamed to
// the requested name and stops answering to its old one.
object compile_object(string file) {
  return load_object("/vroom");
}

void create() {
  object v = load_object("/virt/one");
  write(file_name(v) + " " + virtualp(v) + " " + clonep(v) + "\n");
  write(sprintf("%O\n", find_object("/vroom") == v));
}

// A last parameter declared with ... collects the remaining arguments.
int count(string tag, mixed *rest...) {
  write(tag + ": " + sizeof(rest) + "\n");
  return sizeof(rest);
}

void create() {
  count("none");
  count("one", 1);
  count("three", 1, "two", ({ 3 }));
  write(sprintf("%O\n", call_other(this_object(), "count", "co", 5, 6)));
}

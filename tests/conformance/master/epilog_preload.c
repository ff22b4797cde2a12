// Boot: the master's epilog(0) names files, each passed to preload(); a
// failing preload does not stop the others.
string *epilog(int level) {
  write("epilog " + level + "\n");
  return ({ "/pre_a", 42, "/missing", "/pre_b" });
}

void preload(string file) {
  write("preload " + file + "\n");
  load_object(file)->hello();
}

void create() { write("master created\n"); }

// Each efun:: call (and efun:: pointer) is checked at compile time with the
// master's valid_override(file, efun, mainfile); 0 fails the compile.
int valid_override(string file, string name, string main) {
  write(sprintf("valid_override(%s, %s, %s)\n", file, name, main));
  return name != "shutdown";
}

void log_error(string file, string msg) { write("log_error " + msg); }

void create() {
  write(sprintf("%O\n", objectp(load_object("/override_user"))));
  write(catch(load_object("/override_bad")) + "\n");
}

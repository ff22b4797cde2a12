// Calling a function that is neither defined nor an efun is a compile error
// naming the function.
void log_error(string file, string msg) {
  write(msg);
}

void create() {
  catch(load_object("/helper_undefined"));
  write(sprintf("%O\n", find_object("/helper_undefined")));
}

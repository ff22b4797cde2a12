// Compile errors go to the master's log_error(file, message) (the message
// names the file and line); the load fails with "Error in loading object".
void log_error(string file, string msg) {
  write(sprintf("log_error %s %d %d\n", file, strsrch(msg, "bad_code.c") >= 0, strsrch(msg, "line 2") >= 0));
}

void create() {
  write(catch(load_object("/bad_code")) + "\n");
  write(sprintf("%O\n", find_object("/bad_code")));
}

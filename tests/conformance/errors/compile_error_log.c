// Compile errors go to the master's log_error(file, message) as
// "/file line N: message\n", and loading fails with "*Error in loading object
// '/file'" (MudOS simulate.c and file.c smart_log). The parser's wording after
// "syntax error" varies between drivers, so only its start is printed.
void log_error(string file, string msg) {
  int colon = strsrch(msg, ": ");
  write("log_error(" + file + "): " + msg[0..colon + 1] + "|" + msg[colon + 2..colon + 13] + "|" + (msg[<1] == '\n') + "\n");
}

void create() {
  mixed err = catch(load_object("/helper_syntax"));
  write(replace_string(err, "\n", "") + "\n");
}

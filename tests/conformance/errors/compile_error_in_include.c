// A compile error inside an included file is reported against that file and
// its own line, both in the message and as log_error()'s first argument
// (MudOS/Neolith smart_log use the file being read).
void log_error(string file, string msg) {
  int colon = strsrch(msg, ": ");
  write("log_error(" + file + "): " + msg[0..colon + 1] + "|" + msg[colon + 2..colon + 13] + "|\n");
}

void create() {
  mixed err = catch(load_object("/helper_inc_error"));
  write(replace_string(err, "\n", "") + "\n");
}

// The master's error_handler gets a mapping with error, program, object,
// file, line and trace (MudOS/Neolith mudlib_error_handler); each trace frame
// has function, program, object, file and line.
void error_handler(mapping err, int caught) {
  write(implode(sort_array(keys(err), 1), ",") + "\n");
  write(implode(sort_array(keys(err["trace"][0]), 1), ",") + "\n");
  write(err["file"] + " " + err["line"] + " " + caught + "\n");
}

void fail() {
  error("oops");
}

void create() {
  call_out("fail", 0);
}

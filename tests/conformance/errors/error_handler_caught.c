// Caught errors are also reported to error_handler with caught = 1 (MudOS and
// Neolith build with LOG_CATCHES); throw() is not an error and is not reported.
void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

void create() {
  mixed r = catch(error("caught one"));
  write("catch returned\n");
  r = catch(throw("thrown"));
  write("throw returned " + r + "\n");
}

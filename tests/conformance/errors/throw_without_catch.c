// throw() outside any catch is an error of its own: "Throw with no catch."
// (MudOS simulate.c throw_error, Neolith error_context.cpp).
void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

void lone() { throw("nobody catches this"); }
void after() { write("after ran\n"); }

void create() {
  call_out("lone", 0);
  call_out("after", 0);
}

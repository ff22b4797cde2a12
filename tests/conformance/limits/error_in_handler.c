// An error inside error_handler itself is not fed back to error_handler; the
// driver goes on with later executions.
int calls;

void error_handler(mapping err, int caught) {
  calls++;
  write("handler call " + calls + "\n");
  error("handler broke");
}

void first() { error("original"); }
void second() { write("second ran, handler calls " + calls + "\n"); }

void create() {
  call_out("first", 0);
  call_out("second", 0);
}

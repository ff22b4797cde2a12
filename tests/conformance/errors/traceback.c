// Uncaught errors reach the master's error_handler with a MudOS-style mapping;
// the driver keeps running (the call_out still fires).
void error_handler(mapping err, int caught) {
  mapping frame;
  write("handler caught=" + caught + " " + err["error"]);
  write("line " + err["line"] + " program " + err["program"] + "\n");
  foreach (frame in err["trace"]) {
    write(sprintf("  %s %s:%d\n", frame["function"], frame["file"], frame["line"]));
  }
}

int inner(int x) {
  return x / 0;
}

int outer() {
  return inner(1) + 1;
}

void later() {
  write("later ran\n");
  catch(inner(2));
}

void create() {
  call_out("later", 0);
  outer();
}

// Runaway loops and recursion raise uncatchable errors; the driver continues.
void error_handler(mapping err, int caught) {
  write("handler: " + err["error"]);
}
int deep(int n) { return deep(n + 1) + 1; }
void loop() {
  catch { while (1) ; }
  write("not reached\n");
}
void recurse() {
  catch(deep(0));
  write("not reached either\n");
}
void done() { write("done\n"); }
void create() {
  call_out("loop", 0);
  call_out("recurse", 0);
  call_out("done", 0);
}

// Runaway loops and recursion inside catch() can't be caught: the catch
// re-raises them as "Can't catch ..." errors that reach error_handler as
// uncaught (MudOS interpret.c do_catch, Neolith frame.cpp); the driver goes on.
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

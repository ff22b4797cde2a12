// Callbacks run like call_outs: after the current execution, with a fresh
// eval budget; an error in one is reported and the others still run; a
// destructed owner's callback never runs.
int done;

void create() {
  object o = clone_object("/helper_owner");
  o->start();
  destruct(o);
  async_read("/callbacks.c", function(string s) { error("broken callback\n"); });
  async_read("/callbacks.c", function(string s) {
    write("fresh budget: " + (eval_cost() > 500000) + "\n");
    write("first line: " + explode(s, "\n")[0] + "\n");
  });
  done = 1;
  write("create done " + done + "\n");
}

void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

// Recursion through call_other between two objects counts the same depth.
int bounce(int n) { return "/helper_bouncer"->bounce(n + 1); }

void go() { bounce(0); }
void done() { write("done\n"); }

void create() {
  call_out("go", 0);
  call_out("done", 0);
}

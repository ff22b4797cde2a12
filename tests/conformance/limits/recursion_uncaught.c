void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

// Unbounded recursion outside catch raises "Too deep recursion" (MaxCallDepth);
// the object keeps working afterwards.
int down(int n) { return down(n + 1); }
int fine(int n) { return n ? fine(n - 1) + 1 : 0; }

void go() { down(0); }
void check() { write("fine: " + fine(20) + "\n"); }

void create() {
  call_out("go", 0);
  call_out("check", 0);
}

void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

// Each top-level execution (create, each call_out) has its own eval budget:
// many moderate call_outs all finish though their sum is far over one budget.
int runs;

void work() {
  int n;
  for (int i = 0; i < 100000; i++) n += i & 1;
  runs++;
  if (runs == 20) write("20 runs, last n=" + n + "\n");
}

void create() {
  for (int i = 0; i < 20; i++) call_out("work", 0);
}

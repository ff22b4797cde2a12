void error_handler(mapping err, int caught) {
  write("handler(" + caught + "): " + replace_string(err["error"], "\n", "") + "\n");
}

// A runaway loop outside any catch raises "Too long evaluation" to the
// master; the next execution gets a fresh budget.
void spin() {
  int i;
  while (1) i++;
}

void after() {
  int n;
  for (int i = 0; i < 10000; i++) n += i;
  write("after: " + n + "\n");
}

void create() {
  call_out("spin", 0);
  call_out("after", 0);
}

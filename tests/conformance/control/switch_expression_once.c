// The switch expression is evaluated once.
int calls;
int next() { return ++calls; }

void create() {
  switch (next()) {
  case 1: write("one\n"); break;
  case 2: write("two\n"); break;
  }
  write(calls + "\n");
}

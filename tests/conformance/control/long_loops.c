// Loops that run for many thousands of iterations (codegen runs them in
// chunks, docs/design.md): return, break and continue in any iteration, a
// test with side effects evaluated exactly once per iteration, locals
// declared in the body starting afresh each iteration, globals and 64-bit
// sums carried across, and nested loops.
int calls;
int total;

int count(int n) {
  calls++;
  return n;
}

int first_multiple(int k, int from) {
  for (int i = from; i < 100000; i++) {
    if (i % k == 0) return i;
  }
  return -1;
}

string while_return(int stop) {
  int i = 0;
  while (1) {
    i++;
    if (i == stop) return "stopped at " + i;
  }
  return "never";
}

void void_return(int stop) {
  for (int i = 0; ; i++) {
    total = i;
    if (i == stop) return;
  }
}

void create() {
  int i, j, n, s, evens;
  int *seen;

  // A test with a side effect: exactly one evaluation per iteration, also
  // where a chunk of iterations ends.
  i = 0;
  n = 0;
  while (count(i++) < 20000) n++;
  write("while: n=" + n + " i=" + i + " calls=" + calls + "\n");

  // break and continue in late iterations.
  s = 0;
  for (i = 0; i < 50000; i++) {
    if (i % 2) continue;
    if (i == 30000) break;
    s += i;
  }
  write("for: i=" + i + " s=" + s + "\n");

  // return from iteration 9,000 and later, with and without a value.
  write("first_multiple: " + first_multiple(9001, 1) + " " + first_multiple(7, 12345) + " " + first_multiple(100001, 5) + "\n");
  write(while_return(12345) + "\n");
  void_return(8200);
  write("void_return: total=" + total + "\n");

  // A local declared in the body is initialised afresh each iteration.
  evens = 0;
  for (i = 0; i < 10000; i++) {
    int fresh;
    if (fresh != 0) evens = -1000000;
    fresh = i;
    if (i % 2 == 0) evens++;
  }
  write("fresh: " + evens + "\n");

  // 64-bit sum past 2^31 and 2^53-range products.
  s = 0;
  for (i = 0; i < 100000; i++) s += i * 100000;
  write("sum: " + s + "\n");
  s = 1;
  for (i = 0; i < 70; i++) s = s * 3 + 1;
  write("wrap: " + s + "\n");

  // Nested loops: the inner loop runs in chunks, the outer loop around it.
  s = 0;
  for (j = 0; j < 3; j++) {
    for (i = 0; i < 9000; i++) s += j;
    s += i;
  }
  write("nested: " + s + "\n");

  // Loop lengths and returns around where the inline part hands over to the
  // chunks (after 256 iterations, then every 4,096).
  foreach (int len in ({ 255, 256, 257, 4351, 4352, 4353 })) {
    int hits = 0;
    calls = 0;
    for (i = 0; count(i) < len; i++) hits++;
    write("len " + len + ": hits=" + hits + " tests=" + calls + " ret=" + first_multiple(len, 1) + "\n");
  }

  // An array filled across chunks.
  seen = allocate(10000);
  i = 0;
  do {
    seen[i] = i * 2;
  } while (++i < 10000);
  n = 0;
  for (i = 0; i < sizeof(seen); i++) if (seen[i] == i * 2) n++;
  write("array: " + n + "\n");
}

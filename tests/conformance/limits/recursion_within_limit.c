// Recursion well inside MaxCallDepth (50 by default) is fine.
int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }

void create() {
  write(depth(30) + "\n");
  write(depth(40) + "\n");
}

// Helper: the inherited function that fails.
int explode_now(int x) { return 10 / x; }

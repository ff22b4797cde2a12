// Helper: create() fails.
void create() { error("broken create"); }

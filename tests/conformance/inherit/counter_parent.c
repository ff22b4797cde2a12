// Helper for clone_of_child.c.
int n;
void bump() { n++; }
int count() { return n; }

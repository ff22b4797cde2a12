// Helper for variable_layout.c.
int b_count;
void bump_b() { b_count++; }
int get_b() { return b_count; }

// Helper for create_both_parents.c.
int left_ready;
void create() { left_ready = 1; write("left create\n"); }

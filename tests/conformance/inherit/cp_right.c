// Helper for create_both_parents.c.
int right_ready;
void create() { right_ready = 1; write("right create\n"); }

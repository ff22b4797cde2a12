// Helper for create_rules.c.
void create() { write("parent create\n"); }

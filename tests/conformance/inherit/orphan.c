// Helper for missing_parent.c.
inherit "/no_such_parent_file";
void create() { }

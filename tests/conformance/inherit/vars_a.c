// Helper for variable_layout.c.
int a_count;
string *a_list = ({ "a" });
void bump_a() { a_count++; }
int get_a() { return a_count; }

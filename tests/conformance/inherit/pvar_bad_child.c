// Helper for private_variable_hidden.c: reads the parent's private variable.
inherit "/pvar_parent";
int peek() { return hidden; }

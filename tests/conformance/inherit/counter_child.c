// Helper for clone_of_child.c.
inherit "/counter_parent";
string label() { return "child of counter"; }

// Helper for nomask.c: tries to redefine a nomask function.
inherit "/nm_parent";
string fixed() { return "changed"; }

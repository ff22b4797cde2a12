// Helper: sets itself up, then replaces its program by the inherited one.
inherit "/base_room";

string decoration = "banners";
string look() { return "a fancy room with " + decoration; }
void create() { visit(); visit(); replace_program("/base_room"); }
string decor() { return decoration; }

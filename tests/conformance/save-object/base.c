// Helper (no .expected): an inherited program with saved and unsaved globals.
int base_level = 7;
static int base_static = 8;
nosave string base_nosave = "temp";
private string base_private = "mine";

string base_private() { return base_private; }

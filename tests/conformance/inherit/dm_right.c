inherit "/dm_base";
string name() { return "right"; }
string right() { return "right sees " + this_object()->name(); }

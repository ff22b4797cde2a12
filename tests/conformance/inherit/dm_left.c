inherit "/dm_base";
string name() { return "left"; }
string left() { return "left sees " + this_object()->name(); }

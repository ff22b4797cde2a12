int b = 20;
string who() { return "B"; }
string only_b() { return "only B sees " + b; }

// Helper for diamond_functions.c.
string name() { return "base"; }

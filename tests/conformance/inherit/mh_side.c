// Helper for multiple_hidden.c (the first parent).
string f() { return "side f"; }
string g() { return "side g"; }
string call_f() { return "side calls " + f(); }

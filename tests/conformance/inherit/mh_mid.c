// Helper for multiple_hidden.c (the second parent).
private string f() { return "mid private f"; }
string g() { return "mid g"; }

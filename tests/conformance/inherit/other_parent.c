// Helper: a second, unrelated parent.
string id() { return "other"; }

// Helper: root of a three-level chain.
string id() { return "A"; }
string base_only() { return "base of A"; }

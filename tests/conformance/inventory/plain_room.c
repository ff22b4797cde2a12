// Helper: a room loaded by name.
string query_name() { return "plain room"; }

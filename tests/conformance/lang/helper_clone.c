// Helper for this_object_names.c.
string ping() { return "pong"; }

// Helper: a preloaded object.
void hello() { write("hello from " + file_name() + "\n"); }

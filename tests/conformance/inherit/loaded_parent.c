// Helper for parent_loaded.c.
string where() { return file_name(this_object()); }

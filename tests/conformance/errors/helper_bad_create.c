// Helper for create_error_keeps_object.c.
string status = "half built";
void create() { error("create failed"); }
string status_text() { return status; }

// Helper for private_variable_hidden.c.
private int hidden = 5;
string get_hidden() { return "hidden " + hidden; }

// Helper for private_hidden.c.
private string secret() { return "secret"; }
private int level = 1;
string call_secret() { return secret() + " " + level; }

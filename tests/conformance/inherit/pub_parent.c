// Helper for public_modifier.c.
public string open() { return "open"; }
varargs int opt(int x) { return x; }

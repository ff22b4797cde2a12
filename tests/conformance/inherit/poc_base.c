// Helper for private_override_chain.c: calls helper() late-bound.
string helper() { return "base helper"; }
string show() { return "base sees " + helper(); }

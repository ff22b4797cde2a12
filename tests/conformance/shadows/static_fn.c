// Helper: a shadow whose version of name() is static, and one that reports callers.
static string name() { return "static shadow"; }
string greet() { return "shadow greets, previous_object() is master: " + (previous_object() == master()); }
mixed wear(object ob) { return shadow(ob, 1); }

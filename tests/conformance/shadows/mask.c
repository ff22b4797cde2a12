// Helper: a second shadow.
string name() { return "mask"; }
mixed wear(object ob) { return shadow(ob, 1); }

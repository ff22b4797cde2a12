// Helper: tries to shadow a nomask function.
string sealed() { return "broken"; }
mixed wear(object ob) { return shadow(ob, 1); }

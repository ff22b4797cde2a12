// Helper: a shadow that overrides name() and greet().
object victim;

string name() { return "cloak"; }
string greet() { return "cloak says: " + victim->greet(); }
object me() { return this_object(); }
int id(string s) { return s == "cloaked"; }
mixed wear(object ob) { victim = shadow(ob, 1); return victim; }
int leave() { return remove_shadow(); }
void move_in(object dest) { move_object(dest); }

// Helper: the object being shadowed.
string name() { return "target"; }
string greet() { return "hello from " + name(); }
string only_here() { return "only in target"; }
nomask string sealed() { return "sealed"; }
int id(string s) { return s == "target"; }
object me() { return this_object(); }
void move_in(object dest) { move_object(dest); }
void init() { write("target init\n"); }

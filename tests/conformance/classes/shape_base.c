// Helper for inherited_class.c.
class shape { string name; int sides; }
class shape make_shape(string n, int s) { return new(class shape, name: n, sides: s); }
string describe(class shape s) { return s->name + " has " + s->sides + " sides"; }

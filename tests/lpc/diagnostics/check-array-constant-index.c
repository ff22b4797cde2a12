#define COLORS ({ "red", "green", "blue" })
string first() { return COLORS[0]; }
string last() { return COLORS[<1]; }
string past() { return COLORS[3]; }
string before() { return COLORS[<4]; }
string negative() { return COLORS[-1]; }

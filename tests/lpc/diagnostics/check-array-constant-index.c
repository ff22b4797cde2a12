#define COLORS ({ "red", "green", "blue" })
string first() { return COLORS[0]; }
string last() { return COLORS[<1]; }
string past() { return COLORS[3]; }
string before() { return COLORS[<4]; }
string negative() { return COLORS[-1]; }
string folded_from_end() { return ({ "a", "b" })[<(1 + 2)]; }
string folded_ok() { return ({ "a", "b" })[2 - 1]; }
string folded_past() { return ({ "a", "b" })[1 * 2]; }

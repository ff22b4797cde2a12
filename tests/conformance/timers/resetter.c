// Helper: reports reset() calls.
string tag;
void create(string t) { tag = t; }
void reset() { write(tag + " reset, this_player " + sprintf("%O", this_player()) + "\n"); }
void touch() { }

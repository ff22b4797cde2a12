// Helper: a shadow that greets arrivals.
void init() { write("shadow init, this_player is walker: " + (base(this_player()) == "/walker") + "\n"); }
string base(object ob) { return explode(file_name(ob), "#")[0]; }
mixed wear(object ob) { return shadow(ob, 1); }

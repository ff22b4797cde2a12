// Helper for error_in_other_object.c.
void explode_now(string why) { error(why); }
string fine() { return "still fine"; }

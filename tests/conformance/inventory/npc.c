// Helper: a living thing.
inherit "/thing";

void create() { enable_commands(); }
void name_me(string n) { set_living_name(n); }
void stop() { disable_commands(); }

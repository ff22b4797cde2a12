// Helper: a living object that can run something as this_player().
void create() { enable_commands(); }
void as_player(object target) { enable_commands(); target->register(); }
int n;
void heart_beat() { n++; }
int beats() { return n; }
void start() { set_heart_beat(2); }
void never() { write("never\n"); }
void schedule() { call_out("never", 0); }
int find_own() { return find_call_out("never"); }

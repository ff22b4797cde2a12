// Helper: keeps state, a heart beat and a call_out.
int n = 100;
int created;
void create() { created++; }
void bump() { n++; set_heart_beat(1); call_out("bump", 10); enable_commands(); set_living_name("counter"); }
string state() {
  return sprintf("n=%d created=%d hb=%d co=%d living=%d", n, created, query_heart_beat(), find_call_out("bump"), living(this_object()));
}
void stop_all() { remove_call_out(); set_heart_beat(0); }

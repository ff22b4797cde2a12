// Helper: sets a heart beat without defining heart_beat(), then stops after a while.
void start() { set_heart_beat(1); call_out("stop", 3); }
void stop() { write("stop " + query_heart_beat() + "\n"); set_heart_beat(0); }

// Helper: a living object whose heart_beat() fails or reports once.
int fail;
object other;

void create(int f) { fail = f; enable_commands(); }
void start(object o) { other = o; set_heart_beat(1); }
void heart_beat() {
  if (fail) error("boom");
  write(sprintf("beat: tp is me %d, other's heart beat %d\n", this_player() == this_object(), query_heart_beat(other)));
  set_heart_beat(0);
}

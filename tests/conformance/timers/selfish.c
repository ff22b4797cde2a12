// Helper: reports one heart beat, optionally destructing itself.
string tag;
int die;
void start(string t, int d) { tag = t; die = d; set_heart_beat(1); }
void heart_beat() {
  write(tag + " beats\n");
  set_heart_beat(0);
  if (die) destruct(this_object());
  else write(sizeof(heart_beats()) + " left\n");
}

// set_heart_beat(n) / query_heart_beat() / heart_beats(): 0 turns it off (1
// if it was on, else 0); a negative value turns it on at 1 but leaves an
// enabled one alone; cloning an object stops its blueprint's heart beat.
int heart_beat() { return 0; }

void create() {
  object t = load_object("/ticker"), c;
  write(set_heart_beat(1) + " " + query_heart_beat() + "\n");
  write(set_heart_beat(3) + " " + query_heart_beat() + "\n");
  write(set_heart_beat(-1) + " " + query_heart_beat() + "\n");
  write(set_heart_beat(0) + " " + set_heart_beat(0) + " " + query_heart_beat() + "\n");
  write(set_heart_beat(-5) + " " + query_heart_beat() + "\n");
  t->start();
  write(sprintf("%d %d %d\n", sizeof(heart_beats()), heart_beats()[0] == this_object(), heart_beats()[1] == t));
  c = new("/ticker");
  write(query_heart_beat(t) + " " + query_heart_beat(c) + " " + sizeof(heart_beats()) + "\n");
  set_heart_beat(0);
  write(sizeof(heart_beats()) + "\n");
}

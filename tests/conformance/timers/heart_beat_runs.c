// One heart beat (HeartbeatInterval, 2 s by default): objects run in the
// order they enabled their heart beat, this_player() is the object when it is
// living, and an error turns that object's heart beat off.
object bad, good;

void create() {
  bad = new("/beater", 1);
  good = new("/beater", 0);
  bad->start(0);
  good->start(bad);
  write("started " + sizeof(heart_beats()) + "\n");
}

// An object may destruct itself in heart_beat(); the others still beat.
// Objects without heart_beat() can have the flag but nothing is called.
object a, b;

void create() {
  a = new("/selfish");
  b = new("/selfish");
  a->start("a", 1);
  new("/plain")->start();
  b->start("b", 0);
  write(sizeof(heart_beats()) + "\n");
}

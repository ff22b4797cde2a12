// Class values are shared by reference, like arrays.
class box { int v; }

void set(class box b, int v) { b->v = v; }

void create() {
  class box a = new(class box, v: 1);
  class box b = a;
  b->v = 2;
  write(a->v + "\n");
  set(a, 3);
  write(b->v + "\n");
  class box c = new(class box, v: 3);
  write((a == b) + " " + (a == a) + " " + (a == c) + "\n");
}

// Members may hold other class values, arrays of them and mappings of them.
class point { int x; int y; }
class line { class point from; class point to; }

int length2(class line l) {
  int dx = l->to->x - l->from->x;
  int dy = l->to->y - l->from->y;
  return dx * dx + dy * dy;
}

void create() {
  class line l = new(class line,
    from: new(class point, x: 1, y: 1),
    to: new(class point, x: 4, y: 5));
  write(length2(l) + "\n");
  l->to->x = 1;
  write(length2(l) + "\n");
  class point *pts = ({ new(class point, x: 1), new(class point, x: 2) });
  int sum = 0;
  foreach (class point p in pts) sum += p->x;
  write(sum + "\n");
  mapping named = ([ "origin": new(class point) ]);
  named["origin"]->y = 9;
  write(named["origin"]->y + "\n");
}

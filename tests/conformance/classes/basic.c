// Classes: new(class C, m: v), -> member access and assignment, ranges and indexed lvalues.
class point {
  int x;
  int y;
}

void create() {
  class point p = new(class point, x: 3);
  string s = "hello";
  int *arr = ({ 1, 2, 3, 4, 5 });
  mapping m = ([ ]);
  p->y = 4;
  p->x += 10;
  write(sprintf("%d %d\n", p->x, p->y));
  s[0] = 'j';
  write(s + " " + s[1..2] + " " + s[<3..] + " " + s[..<2] + "\n");
  arr[1..2] = ({ 9 });
  write(sprintf("%O\n", arr));
  m["k"]++;
  m["k"] += 5;
  arr[0] *= 7;
  write(m["k"] + " " + arr[0] + " " + arr[<1] + "\n");
  write((9223372036854775807 + 1) + " " + (4611686018427387904 * 2) + " " + (-7 / 2) + " " + (-7 % 2) + "\n");
}

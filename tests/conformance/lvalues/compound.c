// Compound assignment and ++/-- on indexed lvalues, nested containers, strings,
// globals, sscanf targets and array destructuring.
int g;
string gs = "abc";
mixed *ga = ({ ({ 1, 2 }), ({ 3, 4 }) });

void create() {
  mapping m = ([ ]);
  int *a = ({ 5, 6, 7 });
  int i = 0, n, x;
  string s1, s2;
  m["k"]++;
  m["k"] += 10;
  m["j"] -= 1;
  write(sprintf("%d %d\n", m["k"], m["j"]));
  a[i++] += 100;
  write(sprintf("%d %d %d i=%d\n", a[0], a[1], a[2], i));
  x = a[1]--;
  write(x + " " + a[1] + " " + (++a[2]) + "\n");
  ga[1][0] = 30;
  ga[0][1] *= 5;
  write(sprintf("%d %d %d %d\n", ga[0][0], ga[0][1], ga[1][0], ga[1][1]));
  gs[1] = 'X';
  gs += "!";
  write(gs + "\n");
  g++;
  g <<= 4;
  write(g + "\n");
  n = sscanf("12 apples and pears", "%d %s and %s", x, s1, s2);
  write(sprintf("%d %d %s %s\n", n, x, s1, s2));
  write(sscanf("7", "%d %s", x, s1) + " " + x + "\n");
  a[<1] = -1;
  write(a[<1] + " " + sizeof(a) + "\n");
}

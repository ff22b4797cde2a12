// sscanf stores into any lvalue: locals, globals, array and mapping elements,
// class members. It returns the number of conversions matched, %*s included
// (MudOS interpret.c counts skipped ones too).
class rec { int n; string s; }
int g;

void create() {
  int *a = allocate(2);
  mapping m = ([ ]);
  class rec r = new(class rec);
  int n;
  n = sscanf("12 apples and 7 pears", "%d %s and %d %s", a[0], m["fruit"], g, r->s);
  write(n + " " + a[0] + " " + m["fruit"] + " " + g + " " + r->s + "\n");
  n = sscanf("x=5", "x=%d", r->n);
  write(n + " " + r->n + "\n");
  n = sscanf("skip 99", "%*s %d", a[1]);
  write(n + " " + a[1] + "\n");
  n = sscanf("abc", "%d", g);
  write(n + " " + g + "\n");
  string k, v;
  n = sscanf("key: value", "%s: %s", k, v);
  write(n + " " + k + "=" + v + "\n");
}

// Arrays and mappings are shared by reference; + makes a new array.
void create() {
  int *a = ({ 1, 2, 3 });
  int *b = a;
  int *c = a + ({ });
  mapping m = ([ "k": 1 ]);
  mapping n = m;
  b[0] = 100;
  n["k"] = 2;
  n["new"] = 3;
  write(a[0] + " " + c[0] + " " + m["k"] + " " + sizeof(m) + "\n");
  modify(a);
  write(a[2] + "\n");
  write((a == b) + " " + (a == c) + " " + (({ 1 }) == ({ 1 })) + "\n");
}

void modify(int *arr) { arr[2] = -1; }

inherit "/lib/base";
int f() {
  class point p = new(class point, x: 1, z: 2);
  return p->w;
}

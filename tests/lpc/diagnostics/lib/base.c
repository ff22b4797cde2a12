// Inherited by the checker cases.
class point { int x; int y; }
int counter;
private int secret;
nomask void locked() { }
private void hidden() { }
int query_counter() { return counter; }
varargs int sum(int a, int b) { return a + b; }

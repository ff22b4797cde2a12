// Prototypes may leave parameters unnamed; calls before the definition work.
int add(int, int);
string join(string, string *);
varargs int maybe(int, int);

void create() {
  write(add(40, 2) + "\n");
  write(join("-", ({ "a", "b", "c" })) + "\n");
  write(maybe(1) + " " + maybe(1, 2) + "\n");
}

int add(int a, int b) { return a + b; }
string join(string sep, string *parts) { return implode(parts, sep); }
varargs int maybe(int a, int b) { return a + b; }

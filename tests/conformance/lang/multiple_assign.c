// Assignment is an expression and chains right to left.
int g;

void create() {
  int a, b, c;
  a = b = c = 7;
  write(a + b + c + "\n");
  write((g = 5) + " " + g + "\n");
  string s;
  if (s = "set") write(s + "\n");
}

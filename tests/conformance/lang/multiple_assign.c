// Assignment is an expression and chains right to left.
int g;

void create() {
  int a, b, c;
  a = b = c = 7;
  write(a + b + c + "\n");
  write((g = 5) + " " + g + "\n");
  int i = 0;
  int *arr = allocate(3);
  arr[i++] = i;
  write(sprintf("%d %d\n", i, arr[0]));
  string s;
  if (s = "set") write(s + "\n");
}

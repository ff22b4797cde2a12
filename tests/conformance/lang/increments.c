// Pre and post increment/decrement on locals, globals and elements, with
// left-to-right evaluation of operands.
int g = 10;

void create() {
  int x = 5;
  int y = x++ + ++x;
  write(x + " " + y + "\n");
  write(g-- + " " + --g + " " + g + "\n");
  int *a = ({ 1, 2 });
  a[0]++;
  ++a[1];
  write(a[0] + " " + a[1] + " " + a[0]-- + " " + a[0] + "\n");
  float f = 1.5;
  f++;
  write(sprintf("%O\n", f));
}

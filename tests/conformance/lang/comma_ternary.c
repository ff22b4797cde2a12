// The comma operator yields its last operand; ?: nests to the right.
string grade(int n) {
  return n > 90 ? "A" : n > 80 ? "B" : n > 70 ? "C" : "F";
}

void create() {
  int a, b;
  int r = (a = 1, b = 2, a + b);
  write(r + " " + a + " " + b + "\n");
  write(grade(95) + grade(85) + grade(75) + grade(10) + "\n");
  for (a = 0, b = 10; a < b; a += 3, b -= 3) ;
  write(a + " " + b + "\n");
}

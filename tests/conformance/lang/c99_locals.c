// Locals may be declared anywhere in a block and in a for initializer
// (Neolith extension); a name may be reused in a sibling block.
void create() {
  int total = 0;
  write("start\n");
  int x = 3;
  total += x;
  for (int i = 0; i < 3; i++) {
    int sq = i * i;
    total += sq;
  }
  for (int i = 10; i < 12; i++) total += i;
  {
    string s = "block one";
    write(s + "\n");
  }
  {
    string s = "block two";
    write(s + "\n");
  }
  string last = "total " + total;
  write(last + "\n");
}

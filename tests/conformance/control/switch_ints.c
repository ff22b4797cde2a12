// Integer switch: constant expressions as labels, fall-through, default in
// the middle, negative labels, no match without default.
string f(int x) {
  string r = "";
  switch (x) {
  case 1:
    r += "one ";
  case 2:
    r += "two ";
    break;
  default:
    r += "default ";
  case 2 * 5:
    r += "ten ";
    break;
  case -3:
    r += "minus three ";
    break;
  case 0x20:
    r += "hex ";
  }
  return r;
}

void create() {
  foreach (int x in ({ 1, 2, 10, -3, 32, 7 })) write(x + ": " + f(x) + "\n");
  switch (99) { case 1: write("not reached\n"); }
  write("end\n");
}

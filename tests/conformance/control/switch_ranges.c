// case a..b matches both bounds inclusive; single values and ranges mix.
string bucket(int n) {
  switch (n) {
  case -10..-1: return "negative";
  case 0: return "zero";
  case 1..9: return "digit";
  case 10..99: return "two digits";
  case 100: return "hundred";
  case 101..101: return "one-oh-one";
  default: return "other";
  }
}

void create() {
  foreach (int n in ({ -11, -10, -1, 0, 1, 9, 10, 99, 100, 101, 102 }))
    write(n + " " + bucket(n) + "\n");
}

// Character constants are ordinary integer labels and may form ranges.
string cls(int c) {
  switch (c) {
  case 'a'..'z': return "lower";
  case 'A'..'Z': return "upper";
  case '0'..'9': return "digit";
  case ' ': case '\t': return "space";
  default: return "other";
  }
}

void create() {
  string out = "";
  foreach (int c in "aZ5 \t!") out += cls(c) + " ";
  write(out + "\n");
}

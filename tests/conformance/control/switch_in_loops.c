// break leaves the switch, continue goes to the enclosing loop; nested switches.
void create() {
  string out = "";
  for (int i = 0; i < 6; i++) {
    switch (i % 3) {
    case 0:
      out += "z";
      break;
    case 1:
      if (i > 3) continue;
      out += "o";
      break;
    default:
      switch (i) {
      case 2: out += "T"; break;
      default: out += "t";
      }
    }
    out += ".";
  }
  write(out + "\n");
}

// break and continue affect only the innermost loop.
void create() {
  string out = "";
  for (int i = 0; i < 3; i++) {
    int j = 0;
    while (1) {
      j++;
      if (j == 2) continue;
      if (j > 3) break;
      out += i + "" + j + " ";
    }
  }
  write(out + "\n");
}

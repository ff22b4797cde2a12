// Character constants are ints; sprintf %c turns them back into text.
void create() {
  write(('a' + 1) + " " + ('z' - 'a') + " " + ('A' < 'a') + "\n");
  string s = "";
  for (int c = 'a'; c <= 'e'; c++) s += sprintf("%c", c);
  write(s + "\n");
  write(sprintf("%c%c%c\n", 'L', 'P', 'C'));
  write(("abc"[1] == 'b') + "\n");
}

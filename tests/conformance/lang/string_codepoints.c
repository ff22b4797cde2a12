// Strings are Unicode text indexed by code point (DESIGN.md decision 2;
// MudOS and Neolith count UTF-8 bytes instead).
void create() {
  string s = "你好, world";
  write(strlen("你好") + " " + sizeof(s) + "\n");
  write(s[0] + " " + s[1] + " " + s[2] + "\n");
  write(s[0..1] + "|" + s[<5..] + "\n");
  write(sprintf("%c%c\n", 20320, 22909));
  foreach (int c in "é你") write(c + " ");
  write("\n");
  s[1] = 'X';
  write(s + "\n");
  write(strsrch(s, "world") + "\n");
}

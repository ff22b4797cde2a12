// foreach over a string yields each character as an int.
void create() {
  string s = "Hi!";
  foreach (int c in s) write(c + " ");
  write("\n");
  string up = "";
  foreach (int c in "abc") up += sprintf("%c", c - 32);
  write(up + "\n");
  int n = 0;
  foreach (int c in "") n++;
  write(n + "\n");
}

// Driver error texts as catch() returns them (Neolith interpret.c wording),
// shown without their trailing newline.
string msg(mixed e) { return stringp(e) ? replace_string(e, "\n", "") : sprintf("%O", e); }

void create() {
  int *a = ({ 1 });
  mixed z = 0;
  string s = "abc";
  int zero = 0;
  write(msg(catch(a[5])) + "\n");
  write(msg(catch(a[-5])) + "\n");
  write(msg(catch(z[0])) + "\n");
  write(msg(catch(s[10])) + "\n");
  write(msg(catch(7 % zero)) + "\n");
  write(msg(catch(7 / zero)) + "\n");
}

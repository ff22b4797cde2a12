// += on a variable holding 0 only works with a number on the right: an unset
// string variable can't be appended to (MudOS F_ADD_EQ: "Left hand side of +=
// is a number (or zero); right side is not a number.").
void create() {
  string s;
  mixed err = catch(s += "x");
  write((err ? replace_string(err, "\n", "") : "no error") + "\n");
  int n;
  n += 5;
  write(n + "\n");
  string t = "";
  t += "ok";
  write(t + "\n");
}

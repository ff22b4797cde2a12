// Ranges on strings and arrays: from-start, from-end (<), open ends, empty.
void create() {
  string s = "abcdef";
  int *a = ({ 0, 1, 2, 3, 4, 5 });
  write(s[1..3] + " " + s[2..] + " " + s[..1] + " " + s[<2..] + " " + s[1..<2] + "|\n");
  write(s[3..2] + "|" + s[<1..<1] + "|\n");
  write(implode(map_array(a[2..3], (: "" + $1 :)), ",") + " " + sizeof(a[4..]) + " " + sizeof(a[3..1]) + "\n");
  write(sprintf("%O\n", a[<2..]));
  a[1..2] = ({ "x", "y", "z" });
  write(sizeof(a) + " " + a[3] + "\n");
  s[0..1] = "XY";
  write(s + "\n");
}

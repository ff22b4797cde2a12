// foreach over arrays, mappings (key/value) and strings, ref variables; switch on ints,
// strings and ranges with fallthrough and default.
string kind(mixed x) {
  // One switch can't mix string and int labels (MudOS), so strings go first.
  if (stringp(x)) return x == "a" ? "letter a" : "other";
  switch (x) {
  case 0: return "zero";
  case 1..5: return "small";
  case 6: case 7: return "six-seven";
  case 100..: return "big";
  default: return "other";
  }
}

string word(string s) {
  string r = "";
  switch (s) {
  case "x": r += "x";
  case "y": r += "y"; break;
  default: r = "?";
  }
  return r;
}

void create() {
  int *a = ({ 1, 2, 3 });
  mapping m = ([ "one": 1 ]);
  int sum;
  foreach (int x in a) sum += x;
  write(sum + "\n");
  foreach (string k, int v in m) write(k + "=" + v + "\n");
  foreach (int c in "hé") write(c + " ");
  write("\n");
  foreach (ref int y in a) y *= 10;
  write(sprintf("%O\n", a));
  foreach (int z in a) { if (z == 20) continue; if (z == 30) break; write(z + "\n"); }
  write(implode(map_array(({ 0, 3, 6, 7, "a", 500, -1 }), (: kind :)), ",") + "\n");
  write(word("x") + " " + word("y") + " " + word("z") + "\n");
}

// foreach (k, v in m) visits every pair once; keys come from a snapshot.
void create() {
  mapping m = ([ "a": 1, "b": 2, "c": 3 ]);
  int total = 0;
  string *seen = ({ });
  foreach (string k, int v in m) {
    total += v;
    seen += ({ k + "=" + v });
  }
  write(total + " " + implode(sort_array(seen, 1), ",") + "\n");
  mapping counts = ([ ]);
  foreach (string w in explode("a b a c b a", " ")) counts[w]++;
  string *ks = sort_array(keys(counts), 1);
  foreach (string k in ks) write(k + counts[k]);
  write("\n");
}

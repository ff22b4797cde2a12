// Efuns that take a callback pass extra arguments after the element.
int over(int x, int limit) { return x > limit; }
string tag(string s, string pre, string post) { return pre + s + post; }

void create() {
  write(sprintf("%O\n", filter_array(({ 1, 5, 10 }), (: over :), 4)));
  write(implode(map_array(({ "a", "b" }), (: tag :), "[", "]"), "") + "\n");
  write(implode(map_array(({ "a", "b" }), "tag", this_object(), "(", ")"), "") + "\n");
  mapping m = map_mapping(([ "x": 1, "y": 2 ]), (: $2 * 10 :));
  write(m["x"] + " " + m["y"] + "\n");
  write(implode(sort_array(({ "bb", "a", "ccc" }), (: strlen($1) - strlen($2) :)), ",") + "\n");
}

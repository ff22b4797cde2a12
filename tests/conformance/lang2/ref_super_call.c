// `::f(ref x)` reaches an inherited function's `ref` parameter like a local
// call does (FluffOS: a reference is an ordinary argument value).
inherit "/helper_ref_base";

void grow(ref string s, int n) {
  s += "<";
  ::grow(ref s, n);
  helper_ref_base::grow(ref s, 1);
  s += ">";
}

void create() {
  string s = "x";
  grow(ref s, 2);
  write(s + "\n");
}

// foreach (ref x in arr) writes through to the array elements.
void create() {
  int *a = ({ 1, 2, 3 });
  foreach (ref int x in a) x = x * x;
  write(implode(map_array(a, (: "" + $1 :)), ",") + "\n");
  string *names = ({ "ann", "bob" });
  foreach (ref string n in names) n = capitalize(n);
  write(implode(names, ",") + "\n");
}

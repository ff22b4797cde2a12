// Dispatch on typeof() with a string switch, a common mudlib idiom.
string describe(mixed v) {
  switch (typeof(v)) {
  case "int": return "int " + v;
  case "string": return "string '" + v + "'";
  case "array": return "array of " + sizeof(v);
  case "mapping": return "mapping of " + sizeof(v);
  case "float": return "float";
  default: return "other " + typeof(v);
  }
}

void create() {
  foreach (mixed v in ({ 3, "x", ({ 1, 2 }), ([ 1: 2 ]), 2.5, this_object() }))
    write(describe(v) + "\n");
}

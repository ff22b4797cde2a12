// String switch: exact matches, the empty string, fall-through, default.
string kind(string s) {
  switch (s) {
  case "apple":
  case "pear":
    return "fruit";
  case "carrot":
    return "vegetable";
  case "":
    return "empty";
  default:
    return "unknown";
  }
}

void create() {
  foreach (string s in ({ "apple", "pear", "carrot", "", "Apple", "stone" }))
    write("[" + s + "] " + kind(s) + "\n");
}

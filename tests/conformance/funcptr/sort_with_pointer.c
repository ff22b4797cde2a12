// sort_array() with a comparison pointer: negative, zero or positive.
int by_len_then_alpha(string a, string b) {
  if (strlen(a) != strlen(b)) return strlen(a) - strlen(b);
  return strcmp(a, b);
}

void create() {
  string *words = ({ "pear", "fig", "apple", "kiwi", "date" });
  write(implode(sort_array(words, (: by_len_then_alpha :)), " ") + "\n");
  write(implode(sort_array(words, (: strcmp($2, $1) :)), " ") + "\n");
  write(implode(words, " ") + "\n");
}

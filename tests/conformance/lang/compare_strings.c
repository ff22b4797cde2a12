// Relational operators compare strings lexically; == compares contents.
void create() {
  write(("abc" < "abd") + " " + ("b" > "abc") + " " + ("a" <= "a") + "\n");
  string x = "hel";
  x += "lo";
  write((x == "hello") + " " + (x != "hello") + "\n");
  write(sprintf("%O\n", sort_array(({ "pear", "Apple", "fig" }), 1)));
}

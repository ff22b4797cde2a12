// Adjacent string literals are joined at compile time.
string s = "abc" "def"
  "ghi";

void create() {
  write(s + "\n");
  write(sizeof("x" "y") + "\n");
}

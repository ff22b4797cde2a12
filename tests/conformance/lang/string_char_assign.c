// s[i] = c replaces one character; s[<n] counts from the end. Strings are
// values: the copy in t is not changed.
void create() {
  string s = "hello";
  string t = s;
  s[0] = 'j';
  s[<1] = 'y';
  write(s + " " + t + "\n");
  s[1] += 1;
  write(s + "\n");
  mixed err = catch(s[10] = 'x');
  write((err ? "error" : "no error") + "\n");
}

// Prints a caught value with its newlines visible.
string show(mixed v) {
  if (stringp(v)) return "\"" + replace_string(v, "\n", "\\n") + "\"";
  return sprintf("%O", v);
}

// error(s) is caught as "*" + s + "\n", a newline added only if s lacks one
// (testsuite efuns/error.c); driver errors end in "\n" too (Neolith error()).
int divide(int a, int b) { return a / b; }

void create() {
  // (An array constant indexed with a literal out of range would not compile.)
  int *one = ({ 1 });
  write(show(catch(error("boom"))) + "\n");
  write(show(catch(error("boom\n"))) + "\n");
  write(show(catch(divide(1, 0))) + "\n");
  write(show(catch(one[3])) + "\n");
}

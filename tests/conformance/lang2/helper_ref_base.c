// Inherited by ref_super_call.c.
void grow(ref string s, int n) {
  while (n--) s += "+";
}

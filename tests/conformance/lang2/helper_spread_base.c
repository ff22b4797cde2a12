// Inherited by spread_args.c: a super call target.
varargs string joined(string a, string b, string c) {
  return "base(" + a + "," + b + "," + c + ")";
}

// undefinedp() is true for a missing mapping key and a missing argument,
// false for an explicit 0; nullp() is an alias.
varargs int arg_missing(mixed x) { return undefinedp(x); }

void create() {
  mapping m = ([ "zero": 0 ]);
  write(undefinedp(m["nope"]) + " " + undefinedp(m["zero"]) + " " + undefinedp(0) + "\n");
  write(arg_missing() + " " + arg_missing(0) + "\n");
  write(nullp(m["nope"]) + "\n");
}

// call_other() to a function the object lacks returns the undefined zero
// (testsuite efuns/call_other.c: undefinedp(this_object()->bazz())).
void create() {
  mixed r = this_object()->bazz();
  write(sprintf("%O %d\n", r, undefinedp(r)));
  r = call_other(this_object(), "bazz", 1, 2);
  write(undefinedp(r) + "\n");
}

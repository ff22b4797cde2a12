// An unknown member of a declared class type is a compile error (MudOS
// grammar; testsuite compiler/fail/no_member.c): no object is left behind.
void create() {
  mixed err = catch(load_object("/bad_member"));
  write((err ? "bad_member failed to load" : "bad_member loaded") + "\n");
  write(sprintf("%O\n", find_object("/bad_member")));
}

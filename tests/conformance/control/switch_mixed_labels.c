// Mixing string and (non-zero) integer labels in one switch is a compile
// error in MudOS ("Mixed case label list not allowed"; testsuite
// compiler/fail/mixed_case.c).
void create() {
  mixed err = catch(load_object("/mixed_labels"));
  write((err ? "mixed labels rejected" : "mixed labels accepted") + "\n");
}

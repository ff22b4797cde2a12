// load_object() of a file that does not exist returns 0 (COMPAT.md rule 2);
// call_other() to it is an error.
void create() {
  write(sprintf("%O\n", load_object("/no/such/file")));
  mixed err = catch(call_other("/no/such/file", "f"));
  write((err ? "call_other failed" : "call_other returned") + "\n");
}

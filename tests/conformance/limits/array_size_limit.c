// allocate() beyond MaxArraySize (15000 by default) is an error, never a
// truncation (COMPAT.md rule 3); the limit itself is allowed.
void create() {
  write(sizeof(allocate(15000)) + "\n");
  mixed err = catch(allocate(15001));
  write((err ? "error" : "no error") + "\n");
  write((stringp(err) && strsrch(err, "Illegal array size") >= 0) + "\n");
  err = catch(allocate(-1));
  write((err ? "error" : "no error") + "\n");
}

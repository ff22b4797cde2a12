// Argument errors and defaults of the uid efuns (values typed mixed, so that
// the compiler's argument checks do not reject the calls first).
void create() {
  mixed zero = 0, arr = ({});
  write(catch(getuid(zero)) + "\n");
  write(catch(seteuid(arr)) + "\n");
  write(catch(export_uid(zero)) + "\n");
  write(sprintf("%O %O\n", geteuid(), getuid()));
}

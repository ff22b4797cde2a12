// Argument errors and defaults of the uid efuns.
void create() {
  write(catch(getuid(0)) + "\n");
  write(catch(seteuid(({}))) + "\n");
  write(catch(export_uid(0)) + "\n");
  write(sprintf("%O %O\n", geteuid(), getuid()));
}

// A save file from another program restores the globals whose names match;
// the header line is a comment, names it lacks are skipped, and globals
// missing from the file are zeroed as usual.
#define F "/scratch_restore_other"

int shared;
string mine = "untouched?";

void create() {
  write(load_object("/other")->save(F) + "\n");
  write(read_file(F + ".o"));
  write(restore_object(F) + "\n");
  write(sprintf("shared=%O mine=%O\n", shared, mine));
  rm(F + ".o");
}

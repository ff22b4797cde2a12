// valid_read/valid_write receive the object that called the efun (here a
// helper object, not the master), so the master can decide per object.
#define D "/scratch_valid_caller"

int valid_read(string path, mixed ob, string fn) {
  write(sprintf("valid_read %s by %s\n", fn, file_name(ob)));
  return ob == this_object() || strsrch(path, "public") >= 0;
}

int valid_write(string path, mixed ob, string fn) {
  write(sprintf("valid_write %s by %s\n", fn, file_name(ob)));
  return ob == this_object();
}

void create() {
  object r;
  mkdir(D);
  write_file(D + "/public.txt", "open\n", 1);
  write_file(D + "/private.txt", "closed\n", 1);
  r = load_object("/reader");
  write(sprintf("%O\n", r->read(D + "/public.txt")));
  write(sprintf("%O\n", r->read(D + "/private.txt")));
  write(sprintf("%O\n", r->write_it(D + "/public.txt", "x")));
  rm(D + "/public.txt");
  rm(D + "/private.txt");
  rmdir(D);
}

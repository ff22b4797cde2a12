// #error makes the file fail to compile; #error in a skipped branch does not.
#if 0
#error never reached
#endif

void create() {
  mixed err = catch(load_object("/broken/has_error"));
  write((err ? "load failed" : "loaded") + "\n");
  write(find_object("/broken/has_error") ? "object exists\n" : "no object\n");
}

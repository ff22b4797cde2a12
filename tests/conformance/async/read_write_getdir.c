// async_write (overwrite, then append), async_read, async_getdir; -1 and 0
// for failures; every callback runs after create() returned.
#define DIR "/scratch_read_write_getdir"

void step4(mixed names) {
  write(sprintf("getdir %O\n", names));
  rm(DIR + "/log.txt");
  rmdir(DIR);
  async_getdir(DIR + "/", function(mixed v) {
    write(sprintf("after rmdir %O\n", v));
    async_read(DIR + "/missing.txt", (: write(sprintf("missing %O\n", $1)) :));
  });
}

void step3(mixed text) {
  write(sprintf("read %O\n", text));
  async_getdir(DIR + "/*.txt", (: step4 :));
}

void step2(int r) {
  write(sprintf("append %O\n", r));
  async_read(DIR + "/log.txt", (: step3 :));
}

void create() {
  mkdir(DIR);
  async_write(DIR + "/log.txt", "one\n", 1, function(int r) {
    write(sprintf("overwrite %O undefinedp %d\n", r, undefinedp(r)));
    async_write(DIR + "/log.txt", "two\n", 0, (: step2 :));
  });
  write("create done\n");
}

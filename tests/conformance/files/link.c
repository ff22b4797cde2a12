// link(from, to): the master's valid_link(from, to) decides first (0
// refuses and link returns 0), then both paths need valid_write "rename";
// the result is a hard link: 0 on success. An existing target is an error
// ("the same file" when it already is a link to it).
#define D "/scratch_link"
#include "scratch.h"

string *asked = ({});

int valid_link(string from, string to) {
  asked += ({ from + " -> " + to });
  return strsrch(to, "nolink") < 0;
}

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(D);
  mkdir(D);
  write_file(D + "/orig", "shared\n", 1);
  show(link(D + "/orig", D + "/nolink"));
  show(file_size(D + "/nolink"));
  show(link(D + "/orig", D + "/copy"));
  write_file(D + "/copy", "more\n");
  show(read_file(D + "/orig"));
  show(catch(link(D + "/orig", D + "/copy")));
  write_file(D + "/other", "other\n", 1);
  show(catch(link(D + "/orig", D + "/other")));
  rm(D + "/other");
  show(asked);
  rm(D + "/orig");
  show(read_file(D + "/copy"));
  rm(D + "/copy");
  rmdir(D);
}

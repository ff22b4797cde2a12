// Reading .o text: "#" lines are comments, an empty line ends the file,
// static variables and unknown names are skipped, and a later line for the
// same variable wins.
#define F "/scratch_file_format"
#include "scratch.h"

int a, b, c;
static int s;

void create() {
  clean(F + ".o");
  write_file(F + ".o", "# a comment\n#/some/other.c\na 1\nzzz 9\ns 5\na 2\nb 3\n\nc 4\n", 1);
  write(restore_object(F) + "\n");
  write(sprintf("a=%d b=%d c=%d s=%d\n", a, b, c, s));
  rm(F + ".o");
}

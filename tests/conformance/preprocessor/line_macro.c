// __LINE__ is the current source line (counting comments and directives).
/*
 * a comment of several lines
 */
#define UNUSED 1

int here() { return __LINE__; }

void create() {
  write(here() + "\n");
  write(__LINE__ + "\n");
  write(@END
text block
END + __LINE__ + "\n");
}

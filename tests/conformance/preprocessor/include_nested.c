// Included files may include others, relative to their own directory.
#include "inc/outer.h"

void create() {
  write(OUTER_NAME + " " + INNER_NAME + "\n");
}

// __FILE__ is the file being compiled with a leading slash, __DIR__ its
// directory with a trailing slash. Inside an include they still name the
// file being compiled (MudOS defines them once per compiled file).
#include "inc/where.h"

void create() {
  write(__FILE__ + "\n");
  write(__DIR__ + "\n");
  write(WHERE_FILE + "\n");
  write(load_object("/sub/whoami")->file() + "\n");
  write(load_object("/sub/whoami")->dir() + "\n");
}

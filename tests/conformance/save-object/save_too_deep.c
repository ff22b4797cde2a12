// Values nested deeper than save_object allows are an error and no file is
// written; the previous save survives.
#define F "/scratch_save_too_deep"
#include "scratch.h"

mixed v = 1;

void create() {
  clean(F + ".o");
  mixed deep = ({ });
  save_object(F);
  for (int i = 0; i < 30; i++) deep = ({ deep });
  v = deep;
  write(sprintf("%O\n", catch(save_object(F))));
  write(read_file(F + ".o"));
  rm(F + ".o");
}

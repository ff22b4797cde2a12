// save_object(file, 1) keeps globals whose value is 0 (unset ones too);
// objects and function pointers are written as nothing at all.
#define F "/scratch_save_zeros"
#include "scratch.h"

int zero;
int one = 1;
mixed unset;
object ob;
function f;

void create() {
  clean(F + ".o");
  ob = this_object();
  f = (: one :);
  save_object(F, 1);
  write(read_file(F + ".o"));
  write("--\n");
  save_object(F);
  write(read_file(F + ".o"));
  rm(F + ".o");
}

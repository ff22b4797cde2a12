// save_object writes "#/program.c" and one "name value" line per saved
// global in declaration order; zero-valued globals are left out.
#define F "/scratch_save_basic"
#include "scratch.h"

int hp = 42;
int zero;
float ratio = 1.5;
string name = "Bob \"the\" Builder";
mixed *items = ({ "sword", 3, ({ }) });
mapping stats = ([ "str": 10 ]);
mixed missing;

void create() {
  clean(F + ".o");
  write(save_object(F) + "\n");
  write(read_file(F + ".o"));
  rm(F + ".o");
}

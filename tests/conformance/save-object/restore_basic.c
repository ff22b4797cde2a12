// restore_object reads the globals back: every value kind round-trips,
// including strings with newlines, quotes and backslashes; 1 on success.
#define F "/scratch_restore_basic"
#include "scratch.h"

int hp;
float ratio;
string text;
mixed *items;
mapping stats;
int big;

void show(mixed x) { write(sprintf("%O\n", x)); }

void create() {
  clean(F + ".o");
  hp = -42;
  ratio = 0.25;
  text = "line one\nline \"two\"\\ end\r";
  items = ({ 1, "two", ({ 3 }), ([ 4: 5 ]) });
  stats = ([ "a": ({ 1, 2 }), 7: 1.5 ]);
  big = 9223372036854775807;
  show(save_object(F));
  hp = 0; ratio = 0.0; text = 0; items = 0; stats = 0; big = 0;
  show(restore_object(F));
  show(hp);
  show(ratio);
  show(text == "line one\nline \"two\"\\ end\r");
  show(items);
  show(stats["a"]);
  show(stats[7]);
  show(big);
  rm(F + ".o");
}

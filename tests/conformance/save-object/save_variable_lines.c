// Each .o line is the variable name, a space and save_variable() of its
// value, and restore_variable() of that text gives the value back.
#define F "/scratch_save_variable_lines"
#include "scratch.h"

mixed a = ({ 1, "x\ny", ([ "k": 2.5 ]) });
mixed b = -9223372036854775807 - 1;
mixed c = "tab\tquote\"slash\\";

void create() {
  string *lines;
  clean(F + ".o");
  save_object(F);
  lines = explode(read_file(F + ".o"), "\n");
  write(sprintf("%O\n", lines[1] == "a " + save_variable(a)));
  write(sprintf("%O\n", lines[2] == "b " + save_variable(b)));
  write(sprintf("%O\n", lines[3] == "c " + save_variable(c)));
  write(sprintf("%O\n", restore_variable(lines[3][2..]) == c));
  write(lines[2] + "\n");
  rm(F + ".o");
}

// Malformed save files: a line without a space is "Illegal file format";
// a bad value names its kind and the variable. Unknown variables are skipped.
#define F "/scratch_restore_errors"
#include "scratch.h"

int a;
mixed b;

void try(string text) {
  string err;
  write_file(F + ".o", text, 1);
  err = catch(restore_object(F));
  write(sprintf("%O a=%O b=%O\n", err, a, b));
}

void create() {
  clean(F + ".o");
  try("#/restore_errors.c\na 1\nnospace\n");
  try("a 2\nb ({1,2\n");
  try("b ([1:2\n");
  try("b \"open\n");
  try("b -\n");
  try("b (/1,\n");
  try("b (x)\n");
  try("unknown ({\na 3\n");
  rm(F + ".o");
}

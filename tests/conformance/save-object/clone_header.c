// A clone saves under its program's name (no #N) and restores like any object.
#define F "/scratch_clone_header"
#include "scratch.h"

int n;

void set(int x) { n = x; }
int get() { return n; }
int save(string f) { return save_object(f); }
int restore(string f) { return restore_object(f); }

void create() {
  object c;
  if (clonep()) return;
  clean(F + ".o");
  c = clone_object("/clone_header");
  c->set(99);
  write(c->save(F) + "\n");
  write(read_file(F + ".o"));
  c->set(0);
  write(c->restore(F) + " " + c->get() + "\n");
  rm(F + ".o");
}

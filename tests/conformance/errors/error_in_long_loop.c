// A runtime error thousands of iterations into a loop (which codegen runs
// in chunks) is reported at the line that failed, with one trace frame per
// LPC function call: the loop adds no frame of its own.
void error_handler(mapping err, int caught) {
  write(err["error"]);
  foreach (mapping f in err["trace"])
    write(f["function"] + " " + f["file"] + ":" + f["line"] + "\n");
}

int divide_all(int *a) {
  int s;
  for (int i = 0; i < sizeof(a); i++) {
    s += 100 / a[i];
  }
  return s;
}

int outer(int *a) {
  int r;
  r = 0;
  while (r < 1) {
    r += divide_all(a);
  }
  return r;
}

void create() {
  int *a = allocate(10000);
  string err;
  for (int i = 0; i < 10000; i++) a[i] = i == 6000 ? 0 : 1;
  err = catch(outer(a));
  write("caught: " + err);
  outer(a);
}

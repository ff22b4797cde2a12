// Loop bodies that use the function's state in every way, run long enough
// that codegen splits them into chunks (docs/design.md): ref parameters,
// sscanf lvalues, catch in the body, function pointers and closures made in
// the body, varargs, switch with break, and a nested foreach.
int tally;

void bump(int ref n, int by) {
  for (int i = 0; i < 6000; i++) n += by;
}

int add_all(int first, int *rest...) {
  int s = first;
  for (int i = 0; i < 5000; i++) s += sizeof(rest);
  return s;
}

int fails_at(int i) {
  if (i % 2500 == 0) error("bad " + i + "\n");
  return i;
}

void create() {
  int i, n, a, b, errors;
  string err, word;
  function *fs = ({ });
  mixed *kinds = ({ 0, 0, 0 });

  n = 1;
  bump(ref n, 2);
  write("ref: " + n + "\n");

  write("varargs: " + add_all(1, 10, 20, 30) + "\n");

  n = 0;
  for (i = 0; i < 5000; i++) {
    if (sscanf(i + ":" + (i * 2), "%d:%d", a, b) == 2 && b == a * 2) n++;
  }
  write("sscanf: " + n + " last " + a + ":" + b + "\n");

  errors = 0;
  n = 0;
  for (i = 1; i <= 10000; i++) {
    err = catch(n += fails_at(i));
    if (err) errors++;
  }
  write("catch: errors=" + errors + " n=" + n + " last=" + err);

  for (i = 0; i < 9000; i++) {
    if (i % 3000 == 0) fs += ({ (: $1 + $(i) :) });
  }
  write("closures:");
  foreach (function f in fs) write(" " + evaluate(f, 1));
  write("\n");

  i = 0;
  while (i < 12000) {
    switch (i % 3) {
    case 0: kinds[0]++; break;
    case 1: kinds[1]++; break;
    default: kinds[2]++;
    }
    i++;
  }
  write("switch: " + implode(map(kinds, (: "" + $1 :)), ",") + "\n");

  tally = 0;
  for (i = 0; i < 3000; i++) {
    foreach (int x in ({ 1, 2, 3 })) tally += x;
  }
  write("nested foreach: " + tally + "\n");

  word = "";
  for (i = 0; i < 5000; i++) {
    string piece = (i % 1000 == 0) ? "<" + i + ">" : "";
    word += piece;
  }
  write("body local: " + word + "\n");
}

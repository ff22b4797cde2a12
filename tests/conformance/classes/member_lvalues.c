// Members are lvalues for =, op=, ++ and indexing into member containers.
class counter {
  int n;
  int *list;
  mapping m;
  string s;
}

void create() {
  class counter c = new(class counter, list: ({ }), m: ([ ]), s: "ab");
  c->n++;
  c->n += 10;
  ++c->n;
  c->list += ({ 1, 2 });
  c->list[0] = 7;
  c->m["k"] = "v";
  c->m["count"]++;
  c->s += "c";
  c->s[0] = 'A';
  write(c->n + " " + c->list[0] + c->list[1] + " " + c->m["k"] + c->m["count"] + " " + c->s + "\n");
}

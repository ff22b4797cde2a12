// ++, -- and op= on indexed lvalues: m[k]++, a[i] += x, nested elements.
void create() {
  mapping m = ([ ]);
  int *a = ({ 1, 2, 3 });
  mixed *nested = ({ ({ 1, 2 }), ([ "n": 5 ]) });
  m["hits"]++;
  m["hits"]++;
  m["total"] += 10;
  m["total"] -= 3;
  m["list"] = ({ });
  m["list"] += ({ "a" });
  m["list"] += ({ "b" });
  write(m["hits"] + " " + m["total"] + " " + implode(m["list"], "") + "\n");
  a[0] += 10;
  a[1] *= 7;
  a[<1] |= 4;
  write(a[0] + " " + a[1] + " " + a[2] + "\n");
  nested[0][1] += 40;
  nested[1]["n"] *= 2;
  write(nested[0][1] + " " + nested[1]["n"] + "\n");
  write((m["new"]++) + " " + m["new"] + "\n");
  string *words = ({ "ab" });
  words[0] += "cd";
  write(words[0] + "\n");
}

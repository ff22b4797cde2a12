// find_object, objects() and children() over many clones destructed in every
// order: the newest first, from the middle, the oldest first, and over a
// thousand from the middle at once (the object table keeps plain clones
// apart from named objects and drops destructed ones in batches).
string names(object *obs) {
  return implode(map(obs, (: explode(file_name($1), "/")[<1] :)), " ");
}

int found(object *obs) {
  int n = 0;
  foreach (object ob in obs) if (find_object(file_name(ob)) == ob) n++;
  return n;
}

void create() {
  object *c = ({ }), *keep = ({ }), *gone, bp;
  string *paths = ({ });
  int i, n;

  for (i = 0; i < 6; i++) c += ({ new("/counter") });
  bp = load_object("/helper");
  c += ({ new("/helper") });
  // Creation order, with a blueprint loaded between the clones.
  write(names(filter(objects(), (: member_array($1, $(c)) >= 0 || $1 == $(bp) :))) == names(c[0..5] + ({ bp, c[6] })) ? "order kept\n" : "order lost\n");
  foreach (object ob in c) paths += ({ file_name(ob) });
  destruct(c[6]);      // the newest
  destruct(c[2]);      // from the middle
  destruct(c[0]);      // the oldest
  write(sprintf("%O %O %O\n", find_object(paths[6]), find_object(paths[2]), find_object(paths[0])));
  write(found(({ c[1], c[3], c[4], c[5] })) + " " + sizeof(children("/counter")) + "\n");
  write(sprintf("%O\n", find_object(paths[3]) == c[3]));

  // 3000 clones; destruct every one but each tenth, in creation order, so
  // they leave from the middle of the table.
  gone = allocate(3000);
  for (i = 0; i < 3000; i++) gone[i] = new("/counter");
  for (i = 0; i < 3000; i++) {
    if (i % 10 == 0) keep += ({ gone[i] });
    else {
      paths[0] = file_name(gone[i]);
      destruct(gone[i]);
      if (find_object(paths[0])) n++;
    }
  }
  write(n + " destructed clones found\n");
  write(found(keep) + " of " + sizeof(keep) + " kept clones found\n");
  write(sizeof(children("/counter")) + "\n");
  write(found(({ c[1], c[3], c[4], c[5] })) + "\n");
  // A clone made after all that is found too, and numbers keep growing.
  bp = new("/counter");
  write((find_object(file_name(bp)) == bp) + " " + (to_int(explode(file_name(bp), "#")[1]) > to_int(explode(file_name(keep[<1]), "#")[1])) + "\n");
  write(sprintf("%O\n", find_object("/counter#0")) + sprintf("%O\n", find_object("/counter#x")));
}

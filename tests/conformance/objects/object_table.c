// The object table: objects() with a filter, children() (blueprint and
// clones), find_object, load_object of a missing file, destructed objects.
int is_counter(object ob) { return explode(file_name(ob), "#")[0] == "/counter"; }

void create() {
  object a = new("/counter"), b = new("/counter"), bp = find_object("/counter");
  write(sizeof(children("/counter")) + " " + sizeof(children("counter.c")) + "\n");
  write(sizeof(objects((: explode(file_name($1), "#")[0] == "/counter" :))) + " " + sizeof(objects("is_counter")) + "\n");
  write(sprintf("%d %d %d\n", clonep(a), clonep(bp), member_array(bp, children("/counter")) >= 0));
  destruct(a);
  write(sizeof(children("/counter")) + " " + sprintf("%O", a) + "\n");
  write(sprintf("%O %O\n", load_object("/no_such_file"), find_object("/no_such_file")));
  write(sprintf("%O\n", find_object("/counter#9999")));
  destruct(bp);
  write(sprintf("%O %d\n", find_object("/counter"), objectp(b)));
  write((load_object("/counter") != bp) + "\n");
}

// implode() and filter/map of mappings with function pointers (MudOS
// testsuite implode.c: a function as the second argument folds the array).
void create() {
  write(implode(({ 1, 2, 3 }), (: $1 + $2 :)) + "\n");
  write(implode(({ 1, 2, 3 }), (: $1 + $2 :), "") + "\n");
  write(sprintf("%O\n", implode(({ }), (: $1 :))));
  mapping m = filter_mapping(([ "a": 1, "b": 2, "c": 3 ]), (: $2 % 2 :));
  write(implode(sort_array(keys(m), 1), ",") + "\n");
}

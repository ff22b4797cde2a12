// sizeof() of arrays, mappings, strings; 0 for ints and other scalars.
void create() {
  write(sizeof(({ 1, 2, 3 })) + " " + sizeof(([ "a": 1, "b": 2 ])) + " " + sizeof("hello") + "\n");
  write(sizeof(0) + " " + sizeof(5) + " " + sizeof(({ })) + " " + sizeof(([ ])) + " " + sizeof("") + "\n");
  mapping m = ([ ]);
  m["x"] = 1;
  m["y"] = 2;
  map_delete(m, "x");
  write(sizeof(m) + "\n");
}

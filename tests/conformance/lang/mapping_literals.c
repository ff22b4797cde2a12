// Mapping literals: a repeated key keeps the last value; keys of any type.
void create() {
  mapping m = ([ "a": 1, "b": 2, "a": 3 ]);
  mapping mixed_keys = ([ 1: "int", "1": "string", 1.5: "float" ]);
  write(sizeof(m) + " " + m["a"] + "\n");
  write(mixed_keys[1] + " " + mixed_keys["1"] + " " + mixed_keys[1.5] + "\n");
  write(sprintf("%O\n", m["missing"]));
  write(undefinedp(m["missing"]) + " " + undefinedp(m["a"]) + "\n");
  write(implode(sort_array(keys(m), 1), ",") + "\n");
}

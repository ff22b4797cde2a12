// `array` as a type word: `int array` is int *, bare `array` is mixed *.
int array nums = ({ 1, 2, 3 });
array things = ({ "a", 1 });
string array array grid = ({ ({ "x", "y" }), ({ "z" }) });

int array doubled(int array in) {
  return map_array(in, (: $1 * 2 :));
}

void create() {
  write(implode(map_array(doubled(nums), (: "" + $1 :)), ",") + "\n");
  write(sizeof(things) + " " + typeof(things) + "\n");
  write(grid[0][1] + grid[1][0] + "\n");
}

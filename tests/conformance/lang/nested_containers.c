// Nested arrays and mappings index and update through each level.
void create() {
  mapping db = ([ "users": ([ "ann": ({ 1, 2 }) ]) ]);
  db["users"]["bob"] = ({ 3 });
  db["users"]["ann"] += ({ 4 });
  db["users"]["ann"][0] = 10;
  write(sizeof(db["users"]) + " " + implode(map_array(db["users"]["ann"], (: "" + $1 :)), ",") + "\n");
  mixed *grid = allocate(2);
  grid[0] = allocate(2);
  grid[1] = allocate(2);
  grid[1][0] = "x";
  write(sprintf("%O\n", grid));
}

// return leaves nested loops and switches at once.
int find(mixed *grid, mixed what) {
  for (int i = 0; i < sizeof(grid); i++) {
    foreach (mixed cell in grid[i]) {
      switch (typeof(cell)) {
      case "string":
        if (cell == what) return i;
        break;
      default:
        continue;
      }
    }
  }
  return -1;
}

void create() {
  mixed *grid = ({ ({ 1, "a" }), ({ "b", 2 }), ({ "c" }) });
  write(find(grid, "b") + " " + find(grid, "c") + " " + find(grid, "z") + "\n");
}

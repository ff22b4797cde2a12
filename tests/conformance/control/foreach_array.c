// foreach over an array: the loop variable is a copy; an existing local or a
// global can be the loop variable; break and continue work.
mixed g;

void create() {
  int *a = ({ 1, 2, 3, 4, 5 });
  int sum = 0;
  foreach (int x in a) {
    if (x == 2) continue;
    if (x == 5) break;
    x *= 100;
    sum += x;
  }
  write(sum + " " + a[0] + "\n");
  int existing;
  foreach (existing in ({ 7, 8 })) ;
  write(existing + "\n");
  foreach (g in ({ "p", "q" })) ;
  write(g + "\n");
  foreach (mixed m in ({ })) write("never\n");
  write("done\n");
}

// foreach walks the array it started with: reassigning the variable does not
// change the walk, but element stores into the same array are seen.
void create() {
  int *a = ({ 1, 2, 3 });
  string out = "";
  foreach (int x in a) {
    if (x == 1) {
      a[2] = 30;
      a = ({ 9, 9, 9, 9 });
    }
    out += x + " ";
  }
  write(out + "\n");
}

// Floats stay floats: "" + f and %O use %f (MudOS interpret.c), ints divide
// as ints, and to_int truncates toward zero.
void create() {
  float f = 1.5;
  write("" + f + "\n");
  write("" + 2.0 + " " + 0.1 + " " + (-0.25) + "\n");
  write(sprintf("%O %O\n", 3.0, 1e3));
  write(sprintf("%.2f %5.1f|\n", 3.14159, 2.25));
  write((1 / 2) + " " + (1.0 / 2) + " " + (1 / 2.0) + "\n");
  write(to_int(3.7) + " " + to_int(-3.7) + "\n");
  write(typeof(1 + 1.0) + " " + typeof(2 * 3) + "\n");
  write(sprintf("%O\n", .5));
}

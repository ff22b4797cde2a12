// A function that ends without return yields 0; return; in void yields 0.
int nothing() { }
void empty() { return; }
mixed falls(int x) { if (x) return "yes"; }

void create() {
  write(sprintf("%O %O %O\n", nothing(), falls(1), falls(0)));
  write(sprintf("%O\n", call_other(this_object(), "empty")));
}

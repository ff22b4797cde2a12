// A local or parameter with a global's name hides the global in that function.
int value = 1;

int param(int value) { return value * 10; }

int local_one() {
  int value = 7;
  return value;
}

void create() {
  write(param(5) + " " + local_one() + " " + value + "\n");
}

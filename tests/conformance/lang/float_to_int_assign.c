// Assigning a float to an int variable converts it, truncating toward zero
// (testsuite efuns/to_int.c: int i; float f = 6.7; i = f; i == 6).
void create() {
  int i;
  float f = 6.7;
  i = f;
  write(i + " " + typeof(i) + "\n");
  f = -2.5;
  i = f;
  write(i + "\n");
}

// for with comma-separated init and step expressions, and an empty body.
void create() {
  int i, j;
  string out = "";
  for (i = 0, j = 10; i < j; i++, j--) out += i + ":" + j + " ";
  write(out + "\n");
  int k;
  for (k = 1; k < 1000; k *= 3) ;
  write(k + "\n");
}

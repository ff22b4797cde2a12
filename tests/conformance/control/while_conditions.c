// Loop conditions are tested each time; assignments inside them work.
void create() {
  string *parts = ({ "x", "y", "z" });
  int i = 0;
  string p;
  string out = "";
  while ((p = (i < sizeof(parts) ? parts[i++] : 0))) out += p;
  write(out + "\n");
  int n = 5;
  while (n--) out += n;
  write(out + " " + n + "\n");
}

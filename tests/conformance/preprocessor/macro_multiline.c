// A backslash at the end of a line continues a #define on the next line.
#define SUM(a, b) \
  ((a) + \
   (b))
#define LINES "one" \
  "two"

void create() {
  write(SUM(20, 22) + "\n");
  write(LINES + "\n");
}

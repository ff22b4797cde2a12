// Object-like macros are replaced textually: NUM * 2 is 40 + 2 * 2.
#define GREETING "hello"
#define NUM 40 + 2
#define EMPTY
#define GREETING "hello"

void create() {
  write(GREETING + "\n");
  write((NUM * 2) + "\n");
  write("a" EMPTY + "b\n");
  write(sprintf("%d\n", NUM));
}

// Function-like macros: parenthesised and nested arguments, commas inside
// parentheses and strings belong to one argument, macros used in arguments.
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define SQ(x) ((x) * (x))
#define ADD3(a,b,c) (a + b + c)
#define CALL(f, x) f(x)
#define BAD_SQ(x) x * x

void create() {
  write(MAX(3, 7) + " " + MAX(9, 2) + "\n");
  write(SQ(1 + 2) + " " + (BAD_SQ(1 + 2)) + "\n");
  write(ADD3(1, 2, 3) + "\n");
  write(CALL(strlen, "a,b") + "\n");
  write(SQ(SQ(2)) + "\n");
  write(MAX(ADD3(1, 1, 1), SQ(2)) + "\n");
}

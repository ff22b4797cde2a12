// #x turns a macro argument into a string literal (COMPAT.md rule 4).
#define STR(x) #x
#define SHOW(e) write(#e + " = " + (e) + "\n")

void create() {
  write(STR(hello) + "\n");
  write(STR(a + b) + "|\n");
  SHOW(1 + 2);
  SHOW(6 * 7);
}

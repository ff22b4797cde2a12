// Arguments are macro-expanded before substitution, and a macro can expand to
// a call of another function-like macro.
#define ONE 1
#define PLUS(a, b) ((a) + (b))
#define TWICE_PLUS(a, b) PLUS(PLUS(a, b), PLUS(a, b))

void create() {
  write(PLUS(ONE, ONE) + "\n");
  write(TWICE_PLUS(ONE, 2) + "\n");
}

// A macro's body is rescanned, so macros defined in terms of other macros
// expand; the order of definition does not matter, only the point of use.
#define TWICE(x) (2 * (x))
#define FOUR TWICE(TWO)
#define TWO 2
#define PREFIX "pre-"
#define LABEL PREFIX + "label"

void create() {
  write(FOUR + "\n");
  write(LABEL + "\n");
}

// #if accepts character constants and the usual C operators.
#if 'a' == 97 && (7 % 4) == 3 && (1 << 4) == 16 && (10 >= 10) && (-1 < 0)
#define OK "ok"
#else
#define OK "not ok"
#endif

#if 1 ? 0 : 1
#define T "wrong"
#else
#define T "ternary"
#endif

void create() {
  write(OK + " " + T + "\n");
}

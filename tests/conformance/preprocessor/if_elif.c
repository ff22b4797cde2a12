// #if evaluates integer expressions; #elif/#else pick the first true branch.
#define LEVEL 3

#if LEVEL > 5
#define NAME "high"
#elif LEVEL > 2
#define NAME "mid"
#elif LEVEL > 0
#define NAME "low"
#else
#define NAME "none"
#endif

#if (1 + 2) * 3 == 9 && !0
#define ARITH "yes"
#else
#define ARITH "no"
#endif

#if 0
this line is not LPC and is never compiled
#endif

#if 0x10 == 16 || 0
#define HEX "hex ok"
#endif

void create() {
  write(NAME + "\n");
  write(ARITH + "\n");
  write(HEX + "\n");
}

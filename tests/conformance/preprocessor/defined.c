// defined() in #if, #ifdef and #ifndef; an undefined name in #if is 0.
#define A_THING

#if defined(A_THING) && !defined(B_THING)
#define R1 "a-not-b"
#else
#define R1 "wrong"
#endif

#ifdef B_THING
#define R2 "wrong"
#else
#define R2 "no-b"
#endif

#ifndef A_THING
#define R3 "wrong"
#else
#define R3 "has-a"
#endif

#if UNDEFINED_NAME
#define R4 "wrong"
#else
#define R4 "undefined-is-0"
#endif

#if defined A_THING
#define R5 "bare-name"
#endif

void create() {
  write(R1 + " " + R2 + " " + R3 + " " + R4 + " " + R5 + "\n");
}

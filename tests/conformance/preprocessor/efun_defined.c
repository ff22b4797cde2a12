// efun_defined(name) in #if is true for efuns the driver has (MudOS lex.c).
#if efun_defined(strlen) && efun_defined(sprintf)
#define HAS "yes"
#else
#define HAS "no"
#endif

#if efun_defined(no_such_efun_anywhere)
#define MISSING "wrong"
#else
#define MISSING "absent"
#endif

void create() {
  write(HAS + " " + MISSING + "\n");
}

// Conditionals nest; directives inside a skipped branch are not evaluated.
#define OUTER 1

#if OUTER
#  if 0
#    define R "inner-0"
#  elif 1
#    ifdef OUTER
#      define R "inner-elif"
#    endif
#  endif
#else
#  if 1
#    define R "wrong"
#  endif
#endif

#if 0
#  if 1
#    define S "wrong"
#  else
#    define S "wrong too"
#  endif
#else
#  define S "else"
#endif

void create() {
  write(R + " " + S + "\n");
}

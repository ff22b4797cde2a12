// Directives may be indented, and space may follow the '#'.
    #define A 1
  #  define B 2
	#ifdef A
	  # define C (A + B)
	#endif

void create() {
  write(C + "\n");
}

// Predefined macros: __VERSION__ is a string, __ARGV__ the app's arguments
// (none here), and __LPC__-style names used by mudlibs are plain defines.
void create() {
  write(stringp(__VERSION__) + "\n");
  write(sizeof(__VERSION__) > 0 ? "version set\n" : "empty version\n");
  write(sprintf("%O\n", __ARGV__));
#ifdef __VERSION__
  write("__VERSION__ is defined\n");
#endif
#ifdef __FILE__
  write("__FILE__ is defined\n");
#endif
}

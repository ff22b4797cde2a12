// Expanding a non-array with `...` is an error: Neolith interpret.c
// F_EXPAND_VARARGS raises "*Item being expanded with ... is not an array."
// (caught with the newline Neolith error() appends)
varargs string three(mixed a, mixed b, mixed c) { return "called"; }

void create() {
  mixed bad = 5;
  write(catch(three(bad...)) + "\n");
  write(catch(({ 1, bad... })) + "\n");
  write(catch(this_object()->three(bad...)) + "\n");
  bad = ({ });
  write(three(bad...) + "\n");
}

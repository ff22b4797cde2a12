// Under #pragma strict_types, calling a function that is neither defined nor an
// efun is a compile error naming the function (MudOS/Neolith grammar: only when
// exact_types is on).
void log_error(string file, string msg) {
  write(msg);
}

void create() {
  catch(load_object("/helper_undefined"));
  write(sprintf("%O\n", find_object("/helper_undefined")));
}

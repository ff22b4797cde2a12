// Prints a caught value with its newlines visible.
string show(mixed v) {
  if (stringp(v)) return "\"" + replace_string(v, "\n", "\\n") + "\"";
  return sprintf("%O", v);
}

// An inner catch stops the error; the outer one sees 0. Rethrowing a caught
// value passes it outward unchanged.
string inner_value;

void inner() { inner_value = catch(throw("deep")); }

void rethrow() {
  catch(throw("swallowed"));
  throw("after");
}

void create() {
  mixed outer = catch(inner());
  write(show(inner_value) + " " + show(outer) + "\n");
  outer = catch(throw(catch(throw("again"))));
  write(show(outer) + "\n");
  outer = catch(rethrow());
  write(show(outer) + "\n");
}

// Prints a caught value with its newlines visible.
string show(mixed v) {
  if (stringp(v)) return "\"" + replace_string(v, "\n", "\\n") + "\"";
  return sprintf("%O", v);
}

// throw() hands any value to catch unchanged: no "*", no newline added.
void create() {
  write(show(catch(throw("plain"))) + "\n");
  write(show(catch(throw(""))) + "\n");
  write(show(catch(throw(5))) + "\n");
  mixed m = catch(throw(([ "code": 7 ])));
  write(m["code"] + "\n");
  write((catch(throw(this_object())) == this_object()) + "\n");
  write(show(catch(throw(1.5))) + "\n");
}

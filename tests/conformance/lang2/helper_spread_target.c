// call_other and new() target of spread_args.c.
string made = "none";

varargs void create(string a, string b) {
  if (a) made = a + "+" + b;
}

string query_made() { return made; }

varargs string say(string verb, string *msg...) {
  return verb + ":" + sizeof(msg) + ":" + implode(msg, "|");
}

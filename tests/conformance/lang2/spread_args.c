// `arr...` in an argument list expands the array into arguments (Neolith
// grammar.y expr_list_node `expr0 L_DOT_DOT_DOT`, F_EXPAND_VARARGS; Lima
// writes `ob->f("go", message...)`). It works for every kind of call and
// inside array literals (spread_not_array.c has the error).
inherit "/helper_spread_base";

varargs string three(mixed a, mixed b, mixed c) {
  return sprintf("%O/%O/%O", a, b, c);
}

string rest(string first, mixed others...) {
  return first + "[" + sizeof(others) + "]";
}

varargs string joined(string a, string b, string c) {
  return "own " + ::joined(a, ({ b, c })...);
}

void create() {
  string *two = ({ "x", "y" });
  mixed *none = ({ });
  write(three(two...) + "\n");
  write(three(1, two...) + "\n");
  write(three(none..., 7, none...) + "\n");
  write(rest("r", two..., 3) + "\n");
  write(sprintf("%s=%s\n", two...));
  write(joined("p", "q", "s") + "\n");

  object ob = load_object("/helper_spread_target");
  write(ob->say("go", two...) + "\n");
  write(call_other(ob, "say", ({ "tell", "a", "b", "c" })...) + "\n");
  object clone = new("/helper_spread_target", two...);
  write(clone->query_made() + "\n");

  function f = (: $1 + $2 :);
  write(evaluate(f, ({ 20, 22 })...) + " " + f(({ "a", "b" })...) + "\n");

  mixed *arr = ({ 0, two..., none..., ({ 1 })..., 9 });
  write(sprintf("%O\n", arr));
  write(sizeof(({ none... })) + "\n");
}

// A pointer to a static function is callable through the pointer even though
// call_other() can't reach that function.
static string hidden() { return "hidden result"; }

void create() {
  function f = (: hidden :);
  write(evaluate(f) + "\n");
  write(sprintf("%O\n", this_object()->hidden()));
}

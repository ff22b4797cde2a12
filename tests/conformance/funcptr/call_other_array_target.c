// call_other() on an array of objects calls each and returns the results
// (MudOS call_all_other).
void create() {
  object *obs = ({ clone_object("/helper_target"), clone_object("/helper_target") });
  write(sprintf("%O\n", call_other(obs, "echo", "x")));
  write(sprintf("%O\n", obs->echo("y")));
}

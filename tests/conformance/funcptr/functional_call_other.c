// Functionals may call other objects and efuns on their arguments.
void create() {
  object *obs = ({ clone_object("/helper_target"), clone_object("/helper_target") });
  write(implode(map_array(obs, (: $1->name() :)), ",") + "\n");
  write(implode(map_array(({ "b", "a" }), (: upper_case($1) + $2 :), "!"), " ") + "\n");
  write(sizeof(filter_array(obs, (: objectp($1) :))) + "\n");
}

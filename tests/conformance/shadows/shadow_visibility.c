// call_other skips a shadow's static functions (the object's own version
// answers); previous_object() in a shadow is the original caller.
int valid_shadow(object ob) { return 1; }

void create() {
  object t = new("/target"), s = new("/static_fn");
  s->wear(t);
  write(t->name() + "\n");
  write(t->greet() + "\n");
}

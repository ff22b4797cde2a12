// Clones of a child have their own copy of every inherited variable.
void create() {
  object a = clone_object("/counter_child");
  object b = clone_object("/counter_child");
  a->bump();
  a->bump();
  b->bump();
  write(a->count() + " " + b->count() + " " + a->label() + "\n");
  write(function_exists("bump", a) + "\n");
}

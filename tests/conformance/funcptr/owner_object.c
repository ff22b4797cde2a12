// A pointer runs in the object that made it: this_object() inside is the
// owner, even when another object evaluates it.
string where() { return "app"; }

void create() {
  object other = clone_object("/helper_target");
  function theirs = other->make_pointer();
  write(evaluate(theirs) + "\n");
  write(other->run((: where :)) + "\n");
  write(evaluate((: file_name(this_object()) :)) + "\n");
}

// bind() gives a pointer a new owner: this_object() inside changes.
string name() { return "app"; }

void create() {
  object other = clone_object("/helper_target");
  function f = (: this_object()->name() :);
  function g = bind(f, other);
  write(evaluate(f) + " " + evaluate(g) + "\n");
  write(functionp(g) ? "still a function\n" : "not a function\n");
}

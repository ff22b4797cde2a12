// bind() moves a pointer to another object: this_object() inside an expression
// pointer follows the owner. A destructed owner makes the pointer fail.

void create() {
  object o = load_object("/other");
  function f = (: file_name(this_object()) :);
  function g = bind(f, o);
  write(evaluate(f) + "\n");
  write(evaluate(g) + "\n");
  write(sprintf("%d %d\n", functionp(f) != 0, functionp(42)));
  destruct(o);
  write(catch(evaluate(g)) + "\n");
}

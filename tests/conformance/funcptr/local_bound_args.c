// (: f, args :) binds leading arguments; call-time arguments follow them.
string show(mixed a, mixed b, mixed c) { return sprintf("%O %O %O", a, b, c); }

void create() {
  function f0 = (: show :);
  function f1 = (: show, "x" :);
  function f2 = (: show, "x", "y" :);
  write(evaluate(f0, 1, 2, 3) + "\n");
  write(evaluate(f1, 1, 2) + "\n");
  write(evaluate(f2, 1) + "\n");
  write(evaluate(f2) + "\n");
}

// (*f)(args), evaluate(f, args) and apply(f, array) are the same call;
// evaluate() of a non-function returns it unchanged.
int sum3(int a, int b, int c) { return a + b + c; }

void create() {
  function f = (: sum3 :);
  write((*f)(1, 2, 3) + " " + evaluate(f, 1, 2, 3) + " " + apply(f, ({ 1, 2, 3 })) + "\n");
  write(sprintf("%O %O\n", evaluate(7), evaluate("text", 1)));
  function g = (: sum3, 100 :);
  write(apply(g, ({ 10, 1 })) + "\n");
}

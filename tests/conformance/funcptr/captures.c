// $(expr) is evaluated when the pointer is made, not when it is called.
int counter = 1;

function adder(int n) { return (: $1 + $(n) :); }

void create() {
  int k = 10;
  function f = (: $1 * $(k) :);
  function g = (: $(counter) + counter :);
  k = 1000;
  counter = 5;
  write(evaluate(f, 3) + "\n");
  write(evaluate(g) + "\n");
  function add7 = adder(7);
  function add1 = adder(1);
  write(evaluate(add7, 1) + " " + evaluate(add1, 1) + "\n");
}

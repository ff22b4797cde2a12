// Default argument values (FluffOS grammar.y `optional_default_arg_value:
// ':' L_FUNCTION_OPEN comma_expr ':' ')'`, filled by interpret.cc
// fill_default_args): a parameter the caller leaves out gets its default, a
// functional evaluated on every such call; an explicit 0 stays 0. Lapis also
// accepts a plain expression (`int x: 5`).
int counter;

int next() { return ++counter; }

string greet(string who, string greeting: (: "hello" :)) {
  return greeting + ", " + who;
}

string numbers(int a, int b: (: 10 :), int c: 7) {
  return a + "/" + b + "/" + c;
}

int stamp(int n: (: next() :)) { return n; }

mixed *fresh(mixed *acc: (: ({ }) :)) {
  acc += ({ sizeof(acc) });
  return acc;
}

void create() {
  write(greet("world") + "\n");
  write(greet("bob", "hi") + "\n");
  write(numbers(1) + " " + numbers(1, 2) + " " + numbers(1, 2, 3) + " " + numbers(1, 0) + "\n");
  write(stamp() + " " + stamp() + " " + stamp(100) + " " + stamp() + "\n");
  write(sprintf("%O %O\n", fresh(), fresh()));
  write(this_object()->greet("via call_other") + "\n");
  function f = (: greet :);
  write(evaluate(f, "pointer") + "\n");
}

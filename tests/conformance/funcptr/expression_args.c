// Expression pointers: $1..$n are the call's arguments; missing ones are 0.
void create() {
  function add = (: $1 + $2 :);
  function pick = (: $3 :);
  function mix = (: $2 + "-" + $1 :);
  write(evaluate(add, 40, 2) + "\n");
  write(sprintf("%O %O\n", evaluate(pick, 1, 2, 3), evaluate(pick, 1)));
  write(evaluate(mix, "a", "b") + "\n");
  write(evaluate((: $1 :), "first", "second") + "\n");
}

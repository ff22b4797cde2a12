// Efun pointers, with and without bound arguments.
void create() {
  function len = (: strlen :);
  function fmt = (: sprintf, "%s=%d" :);
  function up = (: capitalize :);
  write(evaluate(len, "four") + "\n");
  write(evaluate(fmt, "x", 5) + "\n");
  write(implode(map_array(({ "ab", "cd" }), up), " ") + "\n");
  write(implode(map_array(({ "a", "b" }), (: sprintf, "<%s>" :)), "") + "\n");
}

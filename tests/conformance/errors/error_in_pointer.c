// An error raised while evaluating a pointer is caught around the call.
void create() {
  function f = (: error("from pointer") :);
  mixed err = catch(evaluate(f));
  write(replace_string(err, "\n", "") + "\n");
  err = catch(map_array(({ 1, 0 }), (: 10 / $1 :)));
  write(replace_string(err, "\n", "") + "\n");
}

// time_expression { } and time_expression(expr) (MudOS v22 grammar.y.pre
// `time_expression: L_TIME_EXPRESSION expr_or_block`; F_TIME_EXPRESSION
// pushes the elapsed microseconds as an int). The block runs once in the
// function's scope; the value is a non-negative int.
int counter;

void create() {
  int n = 0;
  int t = time_expression {
    for (int i = 0; i < 1000; i++) n += i;
    counter++;
  };
  write("n=" + n + " counter=" + counter + " int=" + intp(t) + " nonneg=" + (t >= 0) + "\n");
  mixed u = time_expression(counter += 5);
  write("counter=" + counter + " int=" + intp(u) + "\n");
  // Errors inside the block propagate (time_expression catches nothing).
  mixed err = catch(time_expression { error("inside\n"); });
  write("err=" + replace_string(err, "\n", "\\n") + "\n");
}

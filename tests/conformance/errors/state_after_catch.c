// After a caught error execution continues after catch(); work done before
// the error stays done, and locals keep their values.
int *log = ({ });

void step(int n) {
  log += ({ n });
  if (n == 2) error("stop at 2");
  log += ({ n * 10 });
}

void create() {
  int local_v = 42;
  catch {
    step(1);
    step(2);
    step(3);
  };
  write(implode(map_array(log, (: "" + $1 :)), ",") + " " + local_v + "\n");
  write(file_name(this_object()) + "\n");
}

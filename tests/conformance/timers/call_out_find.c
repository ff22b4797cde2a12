// find_call_out/remove_call_out: seconds left (rounded up), -1 when none;
// remove_call_out() without arguments removes them all; call_out_info()
// lists ({ object, function, delay }).
void never() { write("never runs\n"); }
void later() { write("later ran\n"); }

void create() {
  mixed *info;
  call_out("never", 10);
  call_out("never", 5);
  call_out("later", 0);
  write(find_call_out("never") + " " + find_call_out("nothing") + "\n");
  write(remove_call_out("never") + " " + find_call_out("never") + "\n");
  info = call_out_info();
  write(sizeof(info) + " " + sizeof(info[0]) + "\n");
  foreach (mixed *c in info) write(sprintf("%d %s %d\n", c[0] == this_object(), c[1], c[2]));
  write(remove_call_out("never") + " " + remove_call_out("never") + "\n");
  call_out("never", 1);
  call_out("never", 2);
  remove_call_out();
  write(find_call_out("never") + "\n");
}

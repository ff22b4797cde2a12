// call_out_info() shows a function pointer call_out with the pointer itself.
void f(int x) { }

void create() {
  function fp = (: f, 1 :);
  mixed *info;
  call_out(fp, 2);
  info = call_out_info();
  write(sprintf("%d %d %d\n", sizeof(info), info[0][1] == fp, info[0][2]));
  remove_call_out();
}

// call_out_info() shows a function pointer call_out as the string
// "<function>" with the pointer's owner (MudOS v22 call_out.c
// get_all_call_outs; testsuite efuns/call_out.c asserts stringp(call[1])).
void f(int x) { }

void create() {
  function fp = (: f, 1 :);
  mixed *info;
  call_out(fp, 2);
  info = call_out_info();
  write(sprintf("%d %d %d\n", sizeof(info), info[0][1] == "<function>", info[0][2]));
  remove_call_out();
}

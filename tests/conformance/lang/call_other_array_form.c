// call_other(ob, ({ "f", args... })) names the function and its arguments in
// one array (MudOS func_spec: string | mixed *).
int add(int a, int b) { return a + b; }

void create() {
  write(sprintf("%O\n", call_other(this_object(), ({ "add", 2, 3 }))));
}

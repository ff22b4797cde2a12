// ob->f(args), "path"->f(), call_other(), and a missing function yielding 0.
string name() { return "me"; }
int add(int a, int b) { return a + b; }

void create() {
  object me = this_object();
  write(me->name() + " " + me->add(1, 2) + "\n");
  write(call_other(me, "add", 20, 22) + "\n");
  write(file_name(me) + " " + ("/call_other_syntax"->name()) + "\n");
  write(sprintf("%O\n", me->no_such_function(1)));
}

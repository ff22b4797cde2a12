// bind() refuses pointers tied to their object's code or variables (MudOS
// f_bind; testsuite efuns/bind.c): a local function pointer, and a functional
// that uses globals. Efun pointers and self-contained functionals rebind.
int glob;
int local_fn() { return 1; }

string msg(mixed e) { return e ? replace_string(e, "\n", "") : "no error"; }

void create() {
  object other = clone_object("/helper_target");
  write(msg(catch(bind((: local_fn :), other))) + "\n");
  write(msg(catch(bind((: glob + 1 :), other))) + "\n");
  write(msg(catch(bind((: $1 + 1 :), other))) + "\n");
  write(msg(catch(bind((: strlen :), other))) + "\n");
  write(msg(catch(bind((: local_fn :), this_object()))) + "\n");
}

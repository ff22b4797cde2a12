// clone_object(path) and destruct(ob) with one argument (codegen calls the
// runtime directly for these): the argument checks, the values they give,
// and a destructed object reading as 0 afterwards.
void create() {
  mixed x = 0;
  object o;
  write(catch(clone_object(x)) + "\n");
  write(catch(clone_object("/no_such_file")) ? "missing file: error\n" : "no error\n");
  o = clone_object("/helper");
  write(o->query_v() + " " + clonep(o) + "\n");
  write(catch(destruct(x)) + "\n");
  write(catch(destruct("/helper")) + "\n");
  x = destruct(o);
  write(sprintf("%O %O\n", x, o));
  write(catch(destruct(o)) + "\n");
}

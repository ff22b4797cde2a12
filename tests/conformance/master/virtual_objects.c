// Virtual objects: loading a name without a file asks the master's
// compile_object(); the object it returns takes the requested name.
// Cloning that name asks again and names the result "name#N". The clone
// compile_object() made is no longer found by its old name.
string *made = ({ });

object compile_object(string file) {
  int n;
  object ob;
  write("compile_object " + file + "\n");
  if (sscanf(file, "/area/room%d", n) != 1) return 0;
  ob = new("/vroom");
  made += ({ file_name(ob) });
  ob->setup(n);
  return ob;
}

void create() {
  object r5 = load_object("/area/room5"), c;
  write(file_name(r5) + " " + r5->query_number() + " " + virtualp(r5) + "\n");
  write(("/area/room5"->where()) + " " + (find_object("/area/room5") == r5) + "\n");
  write(sprintf("%O %d\n", load_object("/area/nothing"), virtualp(this_object())));
  write("/area/room7"->query_number() + "\n");
  c = new("/area/room5");
  write(sprintf("%d %d %d\n", strsrch(file_name(c), "/area/room5#") == 0, c->query_number(), virtualp(c)));
  write(sprintf("%d %O %O\n", sizeof(made), find_object(made[0]), find_object(made[2])));
  write(sizeof(filter(objects(), (: $1 == $(r5) || $1 == $(c) :))) + " " + (find_object(file_name(c)) == c) + "\n");
}

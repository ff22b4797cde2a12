// replace_program() changes only the object that calls it: other clones of
// the same file keep the full program.
void create() {
  object a = new("/lazy_room"), b = new("/lazy_room");
  a->simplify();
  write(a->look() + "\n");
  call_out("later", 0, a, b);
}

void later(object a, object b) {
  write(a->look() + " / " + b->look() + "\n");
  write(sprintf("%O %O\n", function_exists("simplify", a), function_exists("simplify", b)));
}

// replace_program(): takes effect when the current execution ends; the
// object keeps the inherited program's variables and loses the rest.
void create() {
  object r = load_object("/fancy_room");
  write(r->look() + "\n");
  call_out("later", 0, r);
  write(catch(replace_program("/nowhere")) + "\n");
}

void later(object r) {
  write(r->look() + "\n");
  write(sprintf("%O %O\n", r->decor(), function_exists("decor", r)));
  write(sprintf("%O\n", inherit_list(r)));
}

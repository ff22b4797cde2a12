inherit "/lib/other";
void f(mixed *a, object ob) {
  ob->g(1, a...);
  ::other_fn(a...);
  new("/x", a...);
  f(a...);
}

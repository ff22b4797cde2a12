int f(object ob, int n) {
  return ob->hp + n->x;
}

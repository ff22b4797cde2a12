// Public functions a program inherits are reachable by call_other, and the
// clone of a child answers with the child's overrides.
void create() {
  object ob = clone_object("/chain_c_helper");
  write(ob->id() + " " + ob->base_only() + "\n");
  write(call_other("/chain_b", "id") + "\n");
}

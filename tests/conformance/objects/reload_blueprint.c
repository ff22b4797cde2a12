// reload_object() on a blueprint re-runs __INIT and create(); clones keep
// their own state. It also clears the euid (0 without uids anyway).
int calls;
void create() {
  object bp = load_object("/counter"), c = new("/counter");
  c->bump();
  bp->bump();
  reload_object(bp);
  write(bp->state() + "\n");
  write(c->state() + "\n");
  remove_call_out();
  c->stop_all();
}

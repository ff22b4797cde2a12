// __INIT before create(), previous_object(), errors inside call_other restore
// the current object, destructed objects read as 0 in containers, varargs, call_out handles.
int tick;
void tock(int n) { tick += n; write("tock " + tick + "\n"); if (tick >= 3) shutdown(0); }

void create() {
  object h = load_object("/helper");
  object c = clone_object("/helper");
  mixed *arr = ({ c, 1 });
  mixed err;
  write(h->query_v() + "\n");
  write((h->who_called() == this_object()) + "\n");
  err = catch(h->fail());
  write(err + " " + file_name(this_object()) + "\n");
  write(h->opt(1) + " " + h->opt(1, 2) + "\n");
  destruct(c);
  write(sprintf("%O %d\n", arr[0], arr[0] == 0));
  call_out("tock", 0, 1);
  call_out((: tock :), 0, 2);
  write(find_call_out("tock") + " " + remove_call_out("nothing") + "\n");
}

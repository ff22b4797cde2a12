// call_out() returns a handle; find_call_out(handle) and
// remove_call_out(handle) take it instead of a function name.
void f() { write("f ran\n"); }

void create() {
  int h1 = call_out("f", 3), h2 = call_out("f", 7);
  write((h1 != h2) + " " + (h1 > 0) + "\n");
  write(find_call_out(h2) + " " + remove_call_out(h2) + " " + find_call_out(h2) + "\n");
  write(remove_call_out(h1) + " " + remove_call_out(h1) + "\n");
}

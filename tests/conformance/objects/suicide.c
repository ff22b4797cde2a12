// Helper: destructs itself and reports what it sees afterwards.
string die() {
  destruct(this_object());
  return sprintf("still running, this_object() %O", this_object());
}

// public functions stay callable from outside; varargs in a parent applies
// to calls from the child.
inherit "/pub_parent";

void create() {
  write(this_object()->open() + " " + opt() + " " + opt(5) + "\n");
}

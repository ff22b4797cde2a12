// Code in a parent calls the child's override (late binding), both directly
// and through this_object(); a parent's private function is not overridden.
inherit "/lb_parent";

string kind() { return "child"; }
string helper() { return "child helper"; }

void create() {
  write(describe() + "\n");
  write(describe_via_call_other() + "\n");
  write(use_private() + "\n");
}

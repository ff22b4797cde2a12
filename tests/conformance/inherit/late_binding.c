// Code in a parent calls the child's override (late binding), both directly
// and through this_object(). A parent's private function is overridden as
// well when the child defines the name: MudOS v22 keeps the inherited private
// (hidden) function's slot under its name in the child's function table, and
// the child's definition takes that slot (define_new_function), so the
// parent's own calls reach the child's function; Neolith gives the same.
// A private function the child does not redefine stays the parent's.
inherit "/lb_parent";

string kind() { return "child"; }
string helper() { return "child helper"; }

void create() {
  write(describe() + "\n");
  write(describe_via_call_other() + "\n");
  write(use_private() + "\n");
  write(use_private_kept() + "\n");
}

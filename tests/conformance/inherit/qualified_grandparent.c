// Name::f() reaches f through the named parent even when that parent got f
// from its own parent.
inherit "/chain_b";
inherit "/other_parent";

string id() { return "mine"; }

void create() {
  write(chain_b::base_only() + "\n");
  write(chain_b::id() + " " + other_parent::id() + " " + id() + "\n");
}

// ::f() calls the inherited definition, through three levels.
inherit "/chain_b";

string id() { return "C>" + ::id(); }

void create() {
  write(id() + "\n");
  write(chain_b::id() + "\n");
  write(chain_b::base_only() + "\n");
}

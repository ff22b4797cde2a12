// The same function inherited through two parents: the child's override wins
// and each Name:: path still reaches its own copy.
inherit "/dm_left";
inherit "/dm_right";

string name() { return "bottom"; }

void create() {
  write(left() + " " + right() + "\n");
  write(dm_left::name() + " " + dm_right::name() + "\n");
}

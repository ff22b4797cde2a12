// A child inheriting two parents with create() calls each with Name::create().
inherit "/cp_left";
inherit "/cp_right";

void create() {
  cp_left::create();
  cp_right::create();
  write("child create: " + left_ready + " " + right_ready + "\n");
}

// A class defined in a parent program can be used by the child.
inherit "/shape_base";

void create() {
  class shape s = make_shape("square", 4);
  write(s->name + " " + s->sides + "\n");
  class shape t = new(class shape, name: "triangle", sides: 3);
  write(describe(t) + "\n");
}

// new(class C) zeroes every member; new(class C, m: v) sets named members.
class item {
  string name;
  int weight;
  mixed *tags;
}

void create() {
  class item a = new(class item);
  class item b = new(class item, weight: 3, name: "rock");
  write(sprintf("%O %O %O\n", a->name, a->weight, a->tags));
  write(b->name + " " + b->weight + " " + sizeof(b->tags) + "\n");
  write(typeof(a) + "\n");
}

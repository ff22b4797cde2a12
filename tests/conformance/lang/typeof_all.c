// typeof() names every type as MudOS's type_names table does.
class pt { int x; }

void create() {
  write(typeof(1) + "\n");
  write(typeof(0) + "\n");
  write(typeof(1.5) + "\n");
  write(typeof("s") + "\n");
  write(typeof(({ })) + "\n");
  write(typeof(([ ])) + "\n");
  write(typeof(this_object()) + "\n");
  write(typeof((: 1 :)) + "\n");
  write(typeof(new(class pt)) + "\n");
}

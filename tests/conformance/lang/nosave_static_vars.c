// nosave and static globals are ordinary variables inside the program.
nosave int counter = 5;
static string label = "s";
nosave private mapping cache = ([ ]);

void create() {
  counter += 2;
  label += "t";
  cache["k"] = counter;
  write(counter + " " + label + " " + cache["k"] + "\n");
}

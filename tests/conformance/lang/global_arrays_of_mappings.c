// Globals holding arrays of mappings are updated in place through indexing.
mapping *rooms = ({ ([ "name": "hall", "exits": ({ "north" }) ]), ([ "name": "yard", "exits": ({ }) ]) });

void add_exit(int i, string dir) { rooms[i]["exits"] += ({ dir }); }

void create() {
  add_exit(0, "south");
  add_exit(1, "west");
  foreach (mapping r in rooms) write(r["name"] + ": " + implode(r["exits"], ",") + "\n");
}

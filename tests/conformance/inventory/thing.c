// Helper: a named object that reports its init() calls.
string name;

void set_name(string n) { name = n; }
string query_name() { return name; }
int id(string s) { return s == name; }
void init() {
  write(name + ": init, this_player " + (this_player() ? this_player()->query_name() : "0") + "\n");
}
void move(mixed dest) { move_object(dest); }
mixed find(mixed what) { return present(what); }
object *inv() { return all_inventory(); }
object first() { return first_inventory(); }
void name_me_anyway(string n) { set_living_name(n); }

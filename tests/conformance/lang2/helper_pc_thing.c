// An object parse_command() can name (parse_command.c): its names come from
// the parse_command_*_list() applies, set with setup().
string name;
string *ids, *plurals, *adjectives;

void setup(string n, string *i, string *p, string *a) {
  name = n;
  ids = i;
  plurals = p;
  adjectives = a;
}

string query_name() { return name; }
void move(object dest) { move_object(dest); }
void make_living(string living_name) {
  enable_commands();
  if (living_name) set_living_name(living_name);
}

string *parse_command_id_list() { return ids; }
// Without a plural list (0), parse_command() makes plurals from the ids.
string *parse_command_plural_id_list() { return plurals; }
string *parse_command_adjectiv_id_list() { return adjectives; }

// std/object.c - a thing in the world: it has names, a short and a long description.

string short_desc, long_desc;
string *ids = ({ });

void set_short(string s) { short_desc = s; }
void set_long(string s) { long_desc = s; }
void set_ids(string *list) { ids = map(list, (: lower_case :)); }
void add_id(string id) { ids += ({ lower_case(id) }); }

string query_short() { return short_desc; }
string query_long() { return long_desc ? long_desc : (short_desc ? short_desc + ".\n" : "Nothing special.\n"); }
string *query_ids() { return ids; }

// present() asks this.
int id(string name) { return member_array(lower_case(name), ids) != -1; }

// Moves this object; returns 1 on success.
int move(mixed dest) {
    if (stringp(dest)) dest = load_object(dest);
    if (!objectp(dest)) return 0;
    move_object(dest);
    return 1;
}

int get() { return 1; }

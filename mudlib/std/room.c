// std/room.c - a place: a description, exits, and things lying about.

inherit "/std/object";

mapping exits = ([ ]);
string *start_items = ({ });

void set_exits(mapping m) { exits = m; }
void add_exit(string dir, string dest) { exits[dir] = dest; }
mapping query_exits() { return exits; }

// Items to clone into the room on creation and each reset, if missing.
void set_items(string *files) { start_items = files; }

void reset() {
    // Neolith gives new objects a uid but no euid; loading needs one.
    seteuid(getuid());
    foreach (string file in start_items) {
        int found;
        found = 0;
        foreach (object ob in all_inventory(this_object())) {
            if (base_name(ob) == file) found = 1;
        }
        if (!found) clone_object(file)->move(this_object());
    }
}

// Adds one command per exit for whoever arrives.
void init() {
    foreach (string dir in keys(exits)) add_action("do_exit", dir);
}

int do_exit(string arg) {
    string dir;
    dir = query_verb();
    if (!exits[dir]) return 0;
    return this_player()->move_player(exits[dir], dir);
}

// What "look" shows in the room.
string describe(object viewer) {
    string text, *things, *people, *dirs;
    text = (query_short() || "Somewhere") + "\n" + query_long();
    things = ({ });
    people = ({ });
    foreach (object ob in all_inventory(this_object())) {
        if (ob == viewer) continue;
        if (living(ob)) people += ({ capitalize(ob->query_name() || "someone") });
        else if (ob->query_short()) things += ({ ob->query_short() });
    }
    if (sizeof(things)) text += "You see " + list_words(things) + " here.\n";
    if (sizeof(people)) text += list_words(people) + (sizeof(people) == 1 ? " is" : " are") + " here.\n";
    dirs = sort_array(keys(exits), 1);
    text += sizeof(dirs) ? "Exits: " + implode(dirs, ", ") + ".\n" : "There are no obvious exits.\n";
    return text;
}

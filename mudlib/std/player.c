// std/player.c - the body a player's connection drives: commands, movement,
// communication, saving.

inherit "/std/object";

string name;
string password;
int admin;
int created_at, last_login;
nosave mapping aliases = ([ "l": "look", "i": "inventory", "n": "north", "s": "south",
                           "e": "east", "w": "west", "u": "up", "d": "down" ]);

// Neolith gives new objects a uid but no euid; loading rooms needs one.
void create() { seteuid(getuid()); }

void set_name(string n) {
    name = lower_case(n);
    set_ids(({ name }));
}
string query_name() { return name; }
void set_password(string p) { password = p; }
string query_password() { return password; }
void set_admin(int flag) { admin = flag; }
int query_admin() { return admin; }

// save_object/restore_object keep everything but the nosave variables.
int restore() {
    if (!name) return 0;
    return restore_object(PLAYER_SAVE_DIR + name);
}

int save_me() {
    if (!name || name == "admin") return 0;
    save_object(PLAYER_SAVE_DIR + name);
    return 1;
}

string query_short() { return capitalize(name || "someone"); }
string query_long() { return capitalize(name) + " looks like an adventurer.\n"; }

void setup() {
    set_ids(({ name }));
    if (!created_at) created_at = time();
    last_login = time();
    enable_commands();
    set_living_name(name);
    add_action("cmd_look", "look");
    add_action("cmd_look", "l");
    add_action("cmd_say", "say");
    add_action("cmd_say", "'", 2);
    add_action("cmd_emote", "emote");
    add_action("cmd_shout", "shout");
    add_action("cmd_tell", "tell");
    add_action("cmd_who", "who");
    add_action("cmd_inventory", "inventory");
    add_action("cmd_get", "get");
    add_action("cmd_get", "take");
    add_action("cmd_drop", "drop");
    add_action("cmd_examine", "examine");
    add_action("cmd_help", "help");
    add_action("cmd_save", "save");
    add_action("cmd_quit", "quit");
    add_action("cmd_alias", "alias");
    if (admin) {
        add_action("cmd_shutdown", "shutdown");
        add_action("cmd_eval", "eval");
    }
    move_object(load_object(START_ROOM));
    tell_others(environment(), capitalize(name) + " arrives.\n", this_object());
    write("Hello, " + capitalize(name) + ".\n");
    command("look");
}

// Expands the first word of an input line through the alias table.
mixed process_input(string line) {
    string verb, rest;
    if (!line) return line;
    if (sscanf(line, "%s %s", verb, rest) != 2) {
        verb = line;
        rest = 0;
    }
    if (aliases[verb]) return rest ? aliases[verb] + " " + rest : aliases[verb];
    return line;
}

void write_prompt() { write("> "); }

int move_player(mixed dest, string dir) {
    object from;
    from = environment();
    if (stringp(dest)) dest = load_object(dest);
    if (!dest) return notify_fail("You can't go that way.\n");
    tell_others(from, capitalize(name) + " leaves " + dir + ".\n", this_object());
    move_object(dest);
    tell_others(dest, capitalize(name) + " arrives.\n", this_object());
    command("look");
    return 1;
}

int cmd_look(string arg) {
    object ob;
    if (!environment()) return notify_fail("You are nowhere.\n");
    if (!arg || arg == "") {
        write(environment()->describe(this_object()));
        return 1;
    }
    if (sscanf(arg, "at %s", arg) != 1) ;
    ob = present(arg, this_object()) || present(arg, environment());
    if (!ob) return notify_fail("You see no " + arg + " here.\n");
    write(ob->query_long());
    return 1;
}

int cmd_examine(string arg) { return cmd_look(arg); }

int cmd_say(string arg) {
    if (!arg || arg == "") return notify_fail("Say what?\n");
    write("You say: " + arg + "\n");
    tell_others(environment(), capitalize(name) + " says: " + arg + "\n", this_object());
    return 1;
}

int cmd_emote(string arg) {
    if (!arg || arg == "") return notify_fail("Emote what?\n");
    write("You emote: " + capitalize(name) + " " + arg + "\n");
    tell_others(environment(), capitalize(name) + " " + arg + "\n", this_object());
    return 1;
}

int cmd_shout(string arg) {
    if (!arg || arg == "") return notify_fail("Shout what?\n");
    write("You shout: " + arg + "\n");
    shout(capitalize(name) + " shouts: " + arg + "\n");
    return 1;
}

int cmd_tell(string arg) {
    string who, msg;
    object target;
    if (!arg || sscanf(arg, "%s %s", who, msg) != 2) return notify_fail("Tell whom what?\n");
    target = find_player(who);
    if (!target) return notify_fail("No one called " + capitalize(who) + " is here.\n");
    tell_object(target, capitalize(name) + " tells you: " + msg + "\n");
    write("You tell " + capitalize(who) + ": " + msg + "\n");
    return 1;
}

int cmd_who(string arg) {
    string *names;
    names = map(users(), (: capitalize($1->query_name() || "(logging in)") :));
    write(sprintf("%d player%s online:\n%-#60s\n", sizeof(names), sizeof(names) == 1 ? "" : "s",
                  implode(sort_array(names, 1), "\n")));
    return 1;
}

int cmd_inventory(string arg) {
    string *things;
    things = map(all_inventory(this_object()), (: $1->query_short() :)) - ({ 0 });
    write(sizeof(things) ? "You carry " + list_words(things) + ".\n" : "You carry nothing.\n");
    return 1;
}

int cmd_get(string arg) {
    object ob;
    if (!arg) return notify_fail("Get what?\n");
    ob = present(arg, environment());
    if (!ob || living(ob)) return notify_fail("There is no " + arg + " here.\n");
    if (!ob->get()) return notify_fail("You can't take that.\n");
    ob->move(this_object());
    write("You take " + ob->query_short() + ".\n");
    tell_others(environment(), capitalize(name) + " takes " + ob->query_short() + ".\n", this_object());
    return 1;
}

int cmd_drop(string arg) {
    object ob;
    if (!arg) return notify_fail("Drop what?\n");
    ob = present(arg, this_object());
    if (!ob) return notify_fail("You have no " + arg + ".\n");
    ob->move(environment());
    write("You drop " + ob->query_short() + ".\n");
    tell_others(environment(), capitalize(name) + " drops " + ob->query_short() + ".\n", this_object());
    return 1;
}

int cmd_alias(string arg) {
    string from, to;
    if (!arg) {
        foreach (string k in sort_array(keys(aliases), 1)) write(sprintf("%-8s %s\n", k, aliases[k]));
        return 1;
    }
    if (sscanf(arg, "%s %s", from, to) != 2) return notify_fail("Usage: alias <name> <command>\n");
    aliases[from] = to;
    write("Alias " + from + " = " + to + ".\n");
    return 1;
}

int cmd_help(string arg) {
    write(@END
Commands:
  look [thing]     look around, or at something     (l)
  say <text>       talk to the room                 (')
  emote <action>   act something out
  shout <text>     talk to everyone
  tell <who> <txt> talk to one player
  who              list the players online
  inventory        what you carry                   (i)
  get/drop <thing> pick up or put down
  north, south...  walk through an exit             (n s e w u d)
  alias [a cmd]    list or define command aliases
  save             save your character
  quit             leave the game
END);
    if (admin) write("Admin: shutdown, eval <expression>\n");
    return 1;
}

int cmd_save(string arg) {
    write(save_me() ? "Saved.\n" : "Nothing to save.\n");
    return 1;
}

int cmd_quit(string arg) {
    save_me();
    write("Goodbye, " + capitalize(name) + ".\n");
    if (environment()) tell_others(environment(), capitalize(name) + " leaves the game.\n", this_object());
    destruct(this_object());
    return 1;
}

int cmd_shutdown(string arg) {
    shout("The game is shutting down.\n");
    write("Shutting down.\n");
    shutdown(0);
    return 1;
}

// eval <expression>: compiles a one-off object and prints the value.
int cmd_eval(string arg) {
    string file, err;
    mixed result;
    object ob;
    if (!arg) return notify_fail("Eval what?\n");
    file = "/tmp/eval_" + name + ".c";
    rm(file);
    write_file(file, "mixed eval() { return " + arg + "; }\n");
    if (ob = find_object(file)) destruct(ob);
    err = catch(result = load_object(file)->eval());
    if (err) write("Error: " + err);
    else write(sprintf("Result: %O\n", result));
    if (ob = find_object(file)) destruct(ob);
    return 1;
}

void net_dead() {
    if (environment()) tell_others(environment(), capitalize(name) + " loses the link.\n", this_object());
    save_me();
}

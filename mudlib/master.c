// master.c - the master object of the Lapis default mudlib.
//
// The driver loads it first and asks it everything policy-related: who may
// read and write which files, what object a new connection talks to, where
// errors go, which objects to preload.

#define ROOT_UID "Root"

// A new connection. Port 0 is the console (-c): it logs straight in as the
// admin so that testbots can script the MUD without a login dialogue.
object connect(int port) {
    object login;
    login = new(LOGIN_OB);
    if (port == 0) login->set_console(1);
    return login;
}

string get_root_uid() { return ROOT_UID; }
string get_bb_uid() { return "Backbone"; }

// Objects under /std and the master itself run as Root; domain code as its
// domain; everything else as the first path component.
string creator_file(string file) {
    string *parts;
    if (!file) return 0;
    parts = explode(file, "/") - ({ "" });
    if (!sizeof(parts)) return ROOT_UID;
    switch (parts[0]) {
    case "std":
    case "master.c":
    case "master":
    case "simul_efun.c":
    case "simul_efun":
    case "cmds":
        return ROOT_UID;
    case "domains":
        return sizeof(parts) > 1 ? capitalize(parts[1]) : ROOT_UID;
    }
    return capitalize(parts[0]);
}

int valid_seteuid(object ob, string euid) {
    return 1;
}

int valid_read(string path, mixed ob, string fn) {
    return 1;
}

// Only /data, /log and /tmp are writable from LPC.
int valid_write(string path, mixed ob, string fn) {
    if (!path) return 0;
    if (path[0] != '/') path = "/" + path;
    return path[0..5] == "/data/" || path[0..4] == "/log/" || path[0..4] == "/tmp/";
}

int valid_shadow(object ob) { return 1; }
int valid_override(string file, string name) { return 1; }
int valid_hide(object ob) { return 1; }
int valid_object(object ob) { return 1; }
int valid_socket(object eff, string fn, mixed *info) { return 1; }
int valid_bind(object binder, object old_owner, object new_owner) { return 1; }
int valid_link(string from, string to) { return 0; }

string *epilog(int load_empty) {
    return ({ START_ROOM });
}

void preload(string file) {
    string err;
    err = catch(load_object(file));
    if (err) debug_message("preload " + file + ": " + err);
}

// Compile errors (and warnings) from the driver.
void log_error(string file, string message) {
    write_file("/log/compile", message);
    debug_message(message);
}

// Runtime errors: log them; tell the player who caused them a short version.
void error_handler(mapping err, int caught) {
    string text;
    mapping frame;
    text = sprintf("%s%s", err["error"], caught ? " (caught)" : "");
    foreach (frame in err["trace"] || ({})) {
        text += sprintf("  %s() at %s line %d\n", frame["function"] || "?",
                        frame["program"] || "?", frame["line"]);
    }
    write_file("/log/runtime", ctime(time()) + " " + text);
    if (!caught && this_player()) {
        tell_object(this_player(), "Something went wrong: " + err["error"]);
    }
}

void crash(string message, object command_giver, object current_object) {
    foreach (object ob in users()) {
        tell_object(ob, "The world shakes: the game is going down (" + message + ").\n");
        catch(ob->save_me());
    }
}

string get_save_file_name(string file, object who) {
    return "/data/dead.edit";
}

string object_name(object ob) {
    if (ob && interactive(ob) && ob->query_name()) return ob->query_name();
    return 0;
}

int slow_shutdown(int minutes) {
    foreach (object ob in users())
        tell_object(ob, "The game will shut down in " + minutes + " minutes.\n");
    return 1;
}

// std/login.c - the object a new connection talks to first. It asks for a
// name (and for telnet users a password), then hands the connection to a new
// player object with exec().

int console;          // 1 for the console user (-c): no questions asked
string name;          // the name being logged in
int attempts;

// Neolith gives new objects a uid but no euid; cloning the player needs one.
void create() { seteuid(getuid()); }

void set_console(int flag) { console = flag; }

void finish_login(int is_new);

void logon() {
    if (console) {
        name = "admin";
        finish_login(0);
        return;
    }
    write("\nWelcome to Lapis.\n\n");
    write("What is your name? ");
    input_to("get_name");
}

void get_name(string arg) {
    string *bad;
    if (!arg || arg == "") {
        write("Goodbye.\n");
        destruct(this_object());
        return;
    }
    arg = lower_case(arg);
    if (strlen(arg) < 2 || strlen(arg) > 12 || sizeof(regexp(({ arg }), "^[a-z]+$")) == 0) {
        write("Names are 2 to 12 letters. What is your name? ");
        input_to("get_name");
        return;
    }
    name = arg;
    if (file_size(PLAYER_SAVE_DIR + name + ".o") > 0) {
        write("Password: ");
        input_to("check_password", 1);
    } else {
        write("New player " + capitalize(name) + ". Choose a password: ");
        input_to("new_password", 1);
    }
}

void check_password(string arg) {
    object probe;
    write("\n");
    probe = new(PLAYER_OB);
    probe->set_name(name);
    if (!probe->restore() || crypt(arg, probe->query_password()) != probe->query_password()) {
        destruct(probe);
        if (++attempts >= 3) {
            write("Wrong password. Goodbye.\n");
            destruct(this_object());
            return;
        }
        write("Wrong password. Password: ");
        input_to("check_password", 1);
        return;
    }
    destruct(probe);
    finish_login(0);
}

string first_password;

void new_password(string arg) {
    write("\n");
    if (!arg || strlen(arg) < 3) {
        write("At least 3 characters, please. Choose a password: ");
        input_to("new_password", 1);
        return;
    }
    first_password = arg;
    write("Again, to be sure: ");
    input_to("confirm_password", 1);
}

void confirm_password(string arg) {
    write("\n");
    if (arg != first_password) {
        write("They differ. Choose a password: ");
        input_to("new_password", 1);
        return;
    }
    finish_login(1);
}

void finish_login(int is_new) {
    object player, old;
    old = find_player(name);
    if (old && old != this_object()) {
        // Take over a link-dead or duplicate body.
        exec(old, this_object());
        tell_object(old, "You take over your body.\n");
        destruct(this_object());
        return;
    }
    player = new(PLAYER_OB);
    player->set_name(name);
    if (!console) player->restore();
    if (is_new) player->set_password(crypt(first_password, 0));
    if (console) player->set_admin(1);
    exec(player, this_object());
    player->setup();
    // The driver prompts after each input line; the console logs in without
    // one, so it gets its first prompt here.
    if (console) player->write_prompt();
    destruct(this_object());
}

string query_name() { return 0; }

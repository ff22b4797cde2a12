// simul_efun.c - functions every object of the mudlib can call like efuns.

// Sends a message to everyone in the room except the listed objects.
varargs void tell_others(object room, string msg, mixed exclude) {
    object *skip;
    if (!room) return;
    skip = objectp(exclude) ? ({ exclude }) : (arrayp(exclude) ? exclude : ({ }));
    foreach (object ob in all_inventory(room)) {
        if (member_array(ob, skip) == -1 && living(ob)) tell_object(ob, msg);
    }
}

// "a, b and c".
string list_words(string *words) {
    int n;
    n = sizeof(words);
    if (n == 0) return "";
    if (n == 1) return words[0];
    return implode(words[0..n - 2], ", ") + " and " + words[n - 1];
}

// The player object with this name, or 0.
object find_player(string name) {
    if (!name) return 0;
    name = lower_case(name);
    foreach (object ob in users()) {
        if (ob->query_name() == name) return ob;
    }
    return 0;
}

// The file name of an object without the clone number: "/std/coin#12" -> "/std/coin".
string base_name(mixed ob) {
    string name;
    int hash;
    name = objectp(ob) ? file_name(ob) : ob;
    hash = strsrch(name, "#");
    return hash == -1 ? name : name[0..hash - 1];
}

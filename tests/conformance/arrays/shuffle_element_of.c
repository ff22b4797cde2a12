// FluffOS efuns (contrib package), not in MudOS/Neolith.

string show(mixed v) {
    string s;
    mixed *ks;
    int i;
    if (arrayp(v)) {
        s = "({";
        for (i = 0; i < sizeof(v); i++) s += (i ? "," : "") + show(v[i]);
        return s + "})";
    }
    if (mapp(v)) {
        ks = sort_array(keys(v), 1);
        s = "([";
        for (i = 0; i < sizeof(ks); i++) s += (i ? "," : "") + show(ks[i]) + ":" + show(v[ks[i]]);
        return s + "])";
    }
    if (stringp(v)) return "\"" + v + "\"";
    if (floatp(v) || intp(v)) return "" + v;
    return typeof(v);
}

string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    int *a = ({ 5, 1, 4, 2, 3 });
    write(show(sort_array(shuffle(a), 1)) + "\n");
    write(member_array(element_of(a), a) != -1 ? "member\n" : "not a member\n");
    write(element_of(({ 42 })) + "\n");
    write(err(catch(element_of(({ })))) + "\n");
}

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
    write(show(allocate(3)) + "\n");
    write(show(allocate(0)) + "\n");
    write(sizeof(allocate(100)) + "\n");
    write(err(catch(allocate(-1))) + "\n");
    write(err(catch(allocate(2000000000))) + "\n");
}

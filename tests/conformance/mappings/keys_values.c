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

void create() {
    mapping m = ([ "b": 2, "a": 1, "c": 3 ]);
    mixed *k = keys(m), *v = values(m);
    int i, ok = 1;
    for (i = 0; i < sizeof(k); i++) if (m[k[i]] != v[i]) ok = 0;
    write(show(sort_array(k, 1)) + "\n");
    write(show(sort_array(v, 1)) + "\n");
    write(ok + "\n");
    write(show(keys(([ ]))) + "\n");
}

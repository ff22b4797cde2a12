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
    mixed v = ([ "list": ({ 1, 2.5, "three\n" }), 7: ([ "x": ({ }) ]) ]);
    string s = save_variable(v);
    write((save_variable(restore_variable(s)) == s) + "\n");
    write(show(restore_variable(save_variable(({ -1, 0, 1 })))) + "\n");
}

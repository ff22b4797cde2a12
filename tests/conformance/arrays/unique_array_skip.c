// Without a skip argument every MudOS version, Neolith and FluffOS skip results equal to 0 (f_unique_array: skipval = &const0); the doc does not say so.

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
    write(show(unique_array(({ 1, 2, 3, 4, 5, 6 }), (: $1 % 3 :))) + "\n");
    write(show(unique_array(({ 1, 2, 3, 4 }), (: $1 % 2 :), 1)) + "\n");
}

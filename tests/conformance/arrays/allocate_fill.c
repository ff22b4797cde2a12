// FluffOS extension: MudOS/Neolith allocate() takes one argument.

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
    mixed *a = allocate(2, ({ }));
    write(show(allocate(3, "x")) + "\n");
    write((a[0] == a[1]) + "\n");
    write(show(allocate(4, (: $1 * $1 :))) + "\n");
}

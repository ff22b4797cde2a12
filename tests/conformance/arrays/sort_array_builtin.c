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
    int *a = ({ 4, 3, 2, 1, 3 });
    write(show(sort_array(a, 1)) + "\n");
    write(show(sort_array(a, 0)) + "\n");
    write(show(sort_array(a, -1)) + "\n");
    write(show(a) + "\n");
    write(show(sort_array(({ "pear", "apple", "fig" }), 1)) + "\n");
    write(show(sort_array(({ 2.5, -1.0, 0.5 }), -1)) + "\n");
    write(show(sort_array(({ }), 1)) + "\n");
}

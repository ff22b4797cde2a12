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
    write(show(unique_mapping(({ 1, 2, 3, 4, 5 }), (: $1 % 2 :))) + "\n");
    write(show(unique_mapping(({ "alpha", "bravo", "apple", "bongo" }), (: $1[0..0] :))) + "\n");
    write(show(unique_mapping(({ }), (: 0 :))) + "\n");
}

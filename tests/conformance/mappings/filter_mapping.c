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

int big_key(mixed k, mixed v, int limit) { return k > limit; }

void create() {
    mapping m = ([ 1: 2, 0: 3, 5: 0 ]);
    write(show(filter_mapping(m, (: $1 :))) + "\n");
    write(show(filter(m, (: $2 :))) + "\n");
    write(show(filter(m, "big_key", this_object(), 1)) + "\n");
    write(show(filter(([ ]), (: 1 :))) + "\n");
}

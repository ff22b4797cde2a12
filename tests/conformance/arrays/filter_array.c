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

int is_even(int x) { return x % 2 == 0; }

void create() {
    write(show(filter_array(({ 1, 2, 0, 3 }), (: $1 :))) + "\n");
    write(show(filter_array(({ 1, 2, 3, 4, 5, 6 }), "is_even")) + "\n");
    write(show(filter(({ 1, 2, 3, 4 }), (: $1 > $2 :), 2)) + "\n");
    write(show(filter(({ 1, 2 }), (: 0.0 :))) + "\n");
    write(show(filter(({ }), "is_even")) + "\n");
}

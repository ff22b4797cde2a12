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

int add(int x, int y) { return x + y; }

void create() {
    write(show(map_array(({ 1, 2, 3 }), (: $1 * 2 :))) + "\n");
    write(show(map_array(({ 2, 3 }), (: $1 + $2 :), 10)) + "\n");
    write(show(map_array(({ 2, 3 }), "add", this_object(), 100)) + "\n");
    write(show(map(({ 1, 2, 0, 3 }), (: $1 :))) + "\n");
    write(show(map(({ }), "add")) + "\n");
}

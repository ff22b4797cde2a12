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

int cmp(int a, int b) { return a - b; }

void create() {
    int *a = ({ 4, 3, 2, 1 });
    write(show(sort_array(a, (: $1 - $2 :))) + "\n");
    write(show(sort_array(a, (: $2 - $1 :))) + "\n");
    write(show(sort_array(a, "cmp")) + "\n");
    write(show(sort_array(a, "cmp", this_object())) + "\n");
    write(show(sort_array(({ "ccc", "a", "bb" }), (: sizeof($1) - sizeof($2) :))) + "\n");
}

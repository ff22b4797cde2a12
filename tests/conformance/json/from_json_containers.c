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
    mapping m = from_json("{\"a\": [1, 2, {\"b\": \"c\"}], \"n\": null}");
    write(show(sort_array(keys(m), 1)) + "\n");
    write(m["a"][1] + " " + m["a"][2]["b"] + "\n");
    write(sizeof(from_json("[]")) + " " + mapp(from_json("{}")) + "\n");
}

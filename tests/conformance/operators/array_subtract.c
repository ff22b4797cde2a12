string show(mixed v) {
    string s;
    int i;
    if (arrayp(v)) {
        s = "({";
        for (i = 0; i < sizeof(v); i++) s += (i ? "," : "") + show(v[i]);
        return s + "})";
    }
    if (stringp(v)) return "\"" + v + "\"";
    if (floatp(v)) return "" + v;
    if (intp(v)) return "" + v;
    return typeof(v);
}

void create() {
    write(show(({ 1, 2, 3, 2, 1 }) - ({ 2 })) + "\n");
    write(show(({ "a", "b", "c" }) - ({ "c", "a" })) + "\n");
    write(show(({ 1, 1.0, "1" }) - ({ 1 })) + "\n");
    write(show(({ 1, 2 }) - ({ })) + "\n");
}

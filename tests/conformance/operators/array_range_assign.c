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
    int *a = ({ 1, 2, 3, 4 });
    int *b = a;
    a[1..2] = ({ 8, 9 });
    write(show(a) + " " + show(b) + "\n");
    a[1..2] = ({ 7 });
    write(show(a) + " " + show(b) + "\n");
    a[0..<1] = ({ });
    write(show(a) + "\n");
}

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
string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    mixed *a = ({ 1, 2, 3 });
    mixed *b = a;
    a[1] = "x";
    a[<1] = "z";
    write(show(b) + "\n");
    write(err(catch(a[3] = 1)) + "\n");
}

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
    int *a = ({ 1, 2 });
    int *b = a;
    int *c = a + ({ 3 });
    a += ({ 4 });
    write(show(a) + " " + show(b) + " " + show(c) + "\n");
    printf("%d %d\n", a == b, sizeof(b));
}

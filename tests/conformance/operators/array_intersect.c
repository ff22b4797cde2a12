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
    write(show(({ 1, 2, 3, 4 }) & ({ 4, 2, 9 })) + "\n");
    write(show(({ "x" }) & ({ "x", "y" })) + "\n");
    write(show(({ 1, 2 }) & ({ })) + "\n");
}

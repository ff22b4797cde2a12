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
    mixed arr = ({ 1, 2, 3 });
    write(show(arr[0..-1]) + show(arr[0..<1]) + show(arr[1..<1]) + show(arr[0..<2]) + show(arr[1..1]) + "\n");
    write(show(arr[1..]) + show(arr[..1]) + show(arr[<2..]) + "\n");
    write(show(arr[-2..]) + show(arr[1..99]) + show(arr[2..1]) + "\n");
}

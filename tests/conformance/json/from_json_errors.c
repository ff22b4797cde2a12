string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    string e = catch(from_json("[1,"));
    write(e[0..24] + "\n");
    e = catch(from_json("{bad}"));
    write(e[0..24] + "\n");
    write(err(catch(from_json(" [1] "))) + "\n");
}

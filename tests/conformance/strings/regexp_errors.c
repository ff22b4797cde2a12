string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(err(catch(regexp("foo", "+"))) + "\n");
    write(err(catch(regexp("foo", "a**"))) + "\n");
    write(err(catch(regexp("foo", "[ab"))) + "\n");
}

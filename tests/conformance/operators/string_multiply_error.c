string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    mixed s = "ab";
    write(err(catch(s * 2)) + "\n");
    write(err(catch(s % 2)) + "\n");
    write(err(catch(s & 1)) + "\n");
}

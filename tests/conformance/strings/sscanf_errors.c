string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    string s;
    write(err(catch(sscanf("a", "%q", s))) + "\n");
    write(err(catch(sscanf("ab", "%s%s", s, s))) + "\n");
}

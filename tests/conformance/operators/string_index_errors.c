string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    string s = "abc";
    int i;
    i = -1;
    write(err(catch(s[i])) + "\n");
    i = 4;
    write(err(catch(s[i])) + "\n");
    write(err(catch(s[<4])) + "\n");
}

string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    string s = "abc";
    string t = "你好";
    string u = s;
    s[1] = 'X';
    s[<1] = 'Z';
    t[1] = 0x1F600;
    write(s + " " + u + " " + t + "\n");
    write(err(catch(s[3] = 'q')) + "\n");
    write(err(catch(s[0] = 0)) + "\n");
}

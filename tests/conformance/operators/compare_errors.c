string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    mixed a = 1, b = "a";
    write(err(catch(a < b)) + "\n");
    write(err(catch(b > a)) + "\n");
    a = ({ });
    write(err(catch(a <= 1)) + "\n");
}

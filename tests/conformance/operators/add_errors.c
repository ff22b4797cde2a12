string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    mixed a = ({ 1 }), b = 1, c = ([ ]);
    write(err(catch(a + b)) + "\n");
    write(err(catch(b + c)) + "\n");
    write(err(catch(c - a)) + "\n");
    write(err(catch(a - b)) + "\n");
    write(err(catch(-a)) + "\n");
}

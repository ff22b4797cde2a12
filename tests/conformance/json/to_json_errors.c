string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(err(catch(to_json(([ 1: 2 ])))) + "\n");
    write(err(catch(to_json(({ ([ "a": ([ 1.5: 0 ]) ]) })))) + "\n");
}

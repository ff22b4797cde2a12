string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(err(catch(sort_array(({ 1, "a" }), 1))) + "\n");
    write(err(catch(sort_array(({ 1, 1.5 }), 1))) + "\n");
    write(err(catch(sort_array(({ 1 }), 1))) + "\n");
}

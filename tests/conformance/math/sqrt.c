string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(sqrt(9.0) + "\n");
    write(sqrt(2.0) + "\n");
    write(sqrt(0.0) + "\n");
    write(err(catch(sqrt(-1.0))) + "\n");
}

string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(log(1.0) + "\n");
    write(exp(0.0) + "\n");
    write(exp(1.0) + "\n");
    write(err(catch(log(0.0))) + "\n");
    write(err(catch(log(-1.0))) + "\n");
}

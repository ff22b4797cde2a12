string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(err(catch(restore_variable("({1,2"))) + "\n");
    write(err(catch(restore_variable("([1,])"))) + "\n");
    write(err(catch(restore_variable("\"abc"))) + "\n");
    write(err(catch(restore_variable("-x"))) + "\n");
}

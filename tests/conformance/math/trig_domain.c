string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(err(catch(asin(1.5))) + "\n");
    write(err(catch(asin(-1.5))) + "\n");
    write(err(catch(acos(2.0))) + "\n");
}

string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(err(catch(sprintf("%d %d", 1))) + "\n");
    write(err(catch(sprintf("%q", 1))) + "\n");
    write(err(catch(sprintf("%s", 5))) + "\n");
    write(err(catch(sprintf("%=s", "x"))) + "\n");
    write(err(catch(sprintf("%@d", 5))) + "\n");
    write(err(catch(sprintf("%d", "x"))) + "\n");
}

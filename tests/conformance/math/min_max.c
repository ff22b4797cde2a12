// FluffOS efuns (contrib package).

string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(min(({ 3, 1, 2 })) + " " + max(({ 3, 1, 2 })) + "\n");
    write(min(({ 3.0, 1.5 })) + " " + max(({ 3, 1.5 })) + "\n");
    write(min(({ "b", "a", "c" })) + " " + max(({ "b", "a", "c" })) + "\n");
    write(min(({ 3, 1, 2 }), 1) + " " + max(({ 3, 1, 2 }), 1) + "\n");
    write(err(catch(min(({ })))) + "\n");
}

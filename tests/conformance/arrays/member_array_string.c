string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    write(member_array('c', "foo") + "\n");
    write(member_array('b', "abar") + "\n");
    write(member_array('y', "xyzzy") + "\n");
    write(member_array('y', "xyzzy", 2) + "\n");
    write(err(catch(member_array('a', "ab", 3))) + "\n");
}

string err(string e) {
    if (!e) return "no error";
    if (e[<1] == '\n') e = e[0..<2];
    return e;
}

void create() {
    mixed *inner = ({ 1 });
    mapping m = ([ ]);
    write(member_array(inner, ({ 0, inner })) + "\n");
    write(member_array(m, ({ ([ ]), m })) + "\n");
    write(err(catch(member_array(1, ({ 1 }), -1))) + "\n");
}

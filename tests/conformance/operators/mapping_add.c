string showmap(mapping m) {
    mixed *ks = sort_array(keys(m), 1);
    string s = "([";
    int i;
    for (i = 0; i < sizeof(ks); i++) s += (i ? "," : "") + ks[i] + ":" + m[ks[i]];
    return s + "])";
}

void create() {
    mapping a = ([ "x": 1, "y": 2 ]);
    mapping b = a;
    mapping c = a + ([ "y": 3, "z": 4 ]);
    write(showmap(c) + " " + showmap(a) + "\n");
    a += ([ "w": 0 ]);
    write(showmap(b) + "\n");
}

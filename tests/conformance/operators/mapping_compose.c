string showmap(mapping m) {
    mixed *ks = sort_array(keys(m), 1);
    string s = "([";
    int i;
    for (i = 0; i < sizeof(ks); i++) s += (i ? "," : "") + ks[i] + ":" + m[ks[i]];
    return s + "])";
}

void create() {
    mapping m1 = ([ "a": 1, "b": 2, "c": 9 ]);
    mapping m2 = ([ 1: "one", 2: "two" ]);
    write(showmap(m1 * m2) + " " + sizeof(m1) + "\n");
}

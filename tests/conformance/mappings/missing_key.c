void create() {
    mapping m = ([ "k": 0 ]);
    write(m["nope"] + "\n");
    write(undefinedp(m["nope"]) + "\n");
    write(undefinedp(m["k"]) + "\n");
}

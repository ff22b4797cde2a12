void create() {
    mapping m = ([ "a": 1, 2: "two" ]);
    printf("%d %s %d %d\n", m["a"], m[2], m["b"], undefinedp(m["b"]));
    m["b"] = 0;
    printf("%d %d\n", undefinedp(m["b"]), sizeof(m));
}

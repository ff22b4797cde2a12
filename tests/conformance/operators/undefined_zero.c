void create() {
    mapping m = ([ ]);
    int zero = 0;
    printf("%d\n", undefinedp(m["x"]));
    printf("%d\n", undefinedp(m["x"] + 0));
    printf("%d\n", undefinedp(zero * -5));
    printf("%d\n", undefinedp(zero / -5));
    printf("%d\n", m["x"] == 0);
}

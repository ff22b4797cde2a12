void create() {
    string a, b;
    int n = sscanf("give item", "give %s to %s", a, b);
    printf("%d %O %O\n", n, a, b);
    int m;
    n = sscanf("abc def 12", "%s %d", a, m);
    printf("%d %O %O\n", n, a, m);
}

void create() {
    string x, y;
    int n = sscanf("a b c", "%s %s", x, y);
    printf("%d [%s] [%s]\n", n, x, y);
}

void create() {
    int n, r;
    r = sscanf("  -42abc", "%d", n);
    printf("%d %d\n", r, n);
    r = sscanf("+7", "%d", n);
    printf("%d %d\n", r, n);
    r = sscanf("abc", "%d", n);
    printf("%d\n", r);
}

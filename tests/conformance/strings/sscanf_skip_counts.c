void create() {
    string s;
    printf("%d\n", sscanf("foo.c", "%*s.c"));
    printf("%d\n", sscanf("foo.h", "%*s.c"));
    int n = sscanf("12 ab", "%*d %s", s);
    printf("%d %s\n", n, s);
}

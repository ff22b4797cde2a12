void create() {
    string s;
    int n;
    int r = sscanf("level 12", "%s%d", s, n);
    printf("%d [%s] %d\n", r, s, n);
}

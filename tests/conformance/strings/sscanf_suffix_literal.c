void create() {
    string base;
    int n = sscanf("/std/room.c", "%s.c", base);
    printf("%d %s\n", n, base);
    printf("%d\n", sscanf("a.c.bak", "%s.c", base));
}

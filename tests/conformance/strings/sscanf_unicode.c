void create() {
    string a, b;
    int n = sscanf("你好 世界", "%s %s", a, b);
    printf("%d %s|%s %d\n", n, a, b, strlen(a));
}

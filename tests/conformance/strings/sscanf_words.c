void create() {
    string a, b;
    int n = sscanf("give sword to bob", "give %s to %s", a, b);
    printf("%d %s %s\n", n, a, b);
}

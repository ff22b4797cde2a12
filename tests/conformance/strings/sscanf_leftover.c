void create() {
    int n;
    string rest;
    printf("%d\n", sscanf("12abc", "%d", n));
    printf("%d %d %s\n", sscanf("12abc", "%d", n, rest), n, rest);
}

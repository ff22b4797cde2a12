void create() {
    int n;
    string s;
    int r = sscanf("50% off", "%d%% %s", n, s);
    printf("%d %d %s\n", r, n, s);
}

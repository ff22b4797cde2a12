void create() {
    string s;
    int n = sscanf("name=bob;", "name=%([a-z]+);", s);
    printf("%d %s\n", n, s);
}

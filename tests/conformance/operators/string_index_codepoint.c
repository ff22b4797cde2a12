void create() {
    string s = "你好";
    string e = "a😀b";
    printf("%d %d %d\n", strlen(s), s[0], s[1]);
    printf("%d %d %d %d\n", strlen(e), e[0], e[1], e[2]);
}

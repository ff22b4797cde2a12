void create() {
    printf("%d %d %d\n", sizeof(explode("", ",")), sizeof(explode(",,,", ",")), sizeof(explode("abc", ",")));
}

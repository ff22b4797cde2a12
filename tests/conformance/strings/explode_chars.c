void create() {
    string *a = explode("héllo", "");
    printf("%d %s\n", sizeof(a), implode(a, "|"));
}

void create() {
    string *a = explode("a b c", " ");
    printf("%d %s\n", sizeof(a), implode(a, ","));
}

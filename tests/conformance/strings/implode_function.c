void create() {
    printf("%d\n", implode(({ 1, 2, 3, 4 }), (: $1 + $2 :)));
    printf("%d\n", implode(({ 1, 2, 3, 4 }), (: $1 + $2 :), 100));
    printf("%s\n", implode(({ "a", 1, "b" }), "-"));
}

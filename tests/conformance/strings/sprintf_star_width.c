void create() {
    printf("%*d|%-*s|%.*s|\n", 6, 42, 5, "ab", 2, "xyz");
}

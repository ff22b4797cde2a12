void create() {
    printf("%+d %+d % d % d|\n", 5, -5, 5, -5);
}

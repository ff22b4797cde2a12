void create() {
    printf("%d %d %d %d\n", 7 / 2, -7 / 2, 7 / -2, -7 / -2);
    printf("%d %d\n", 1 / 2, -1 / 2);
    printf("%d\n", 9223372036854775807 / 2);
}

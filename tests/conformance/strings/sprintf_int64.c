void create() {
    int big = 9223372036854775807;
    printf("%d\n", big);
    printf("%d\n", -big - 1);
    printf("%x %X\n", -1, big);
}

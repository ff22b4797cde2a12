void create() {
    int max = 9223372036854775807;
    int big = 4294967296;
    int x = 3037000500;
    printf("%d\n", max * 2);
    printf("%d\n", big * big);
    printf("%d\n", x * x);
    printf("%d\n", 9007199254740993 * 3);
}

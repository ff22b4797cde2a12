void create() {
    printf("%d %d %d\n", 1 == 1.0, 1.0 == 1, 1 == 1.5);
    printf("%d %d\n", 1 != 1.0, 2 != 2.5);
    printf("%d %d %d %d\n", 1 < 1.5, 1.5 > 1, 2 <= 2.0, 2.0 >= 3);
}

void create() {
    int one = 1;
    printf("%d\n", one << 3);
    printf("%d\n", one << 62);
    printf("%d\n", one << 63);
    printf("%d\n", 255 << 60);
    printf("%d\n", -8 >> 1);
    printf("%d\n", -7 >> 1);
    printf("%d\n", -1 >> 63);
    printf("%d\n", 9223372036854775807 >> 62);
}

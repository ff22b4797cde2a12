void create() {
    int max = 9223372036854775807;
    int min = -max - 1;
    printf("%d %d %d\n", 12 & 10, 12 | 10, 12 ^ 10);
    printf("%d\n", ~0);
    printf("%d\n", ~max);
    printf("%d\n", -1 & max);
    printf("%d\n", min | 1);
    printf("%d\n", 4294967296 ^ 4294967297);
    printf("%d\n", 8589934591 & 4294967296);
}

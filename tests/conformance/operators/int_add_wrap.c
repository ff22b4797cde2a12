void create() {
    int max = 9223372036854775807;
    int min = -max - 1;
    printf("%d\n", max + 1);
    printf("%d\n", min - 1);
    printf("%d\n", min);
    printf("%d\n", max + max);
    printf("%d\n", (max + 1) == min);
}

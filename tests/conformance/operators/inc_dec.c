void create() {
    int max = 9223372036854775807;
    mixed x = max;
    mixed f = 0.5;
    x++;
    printf("%d\n", x);
    x--;
    printf("%d\n", x);
    f++;
    write(f + "\n");
    --f;
    --f;
    write(f + "\n");
}

void create() {
    int max = 9223372036854775807;
    int min = -max - 1;
    int zero = 0;
    mapping m = ([ ]);
    printf("%d\n", -min);
    printf("%d\n", -max);
    printf("%d %d\n", -zero, undefinedp(-zero));
    printf("%d\n", undefinedp(-m["missing"]));
    write(-1.5 + "\n");
}

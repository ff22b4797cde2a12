void create() {
    int one = 1;
    int n;
    n = 64;
    printf("%d\n", one << n);
    n = 100;
    printf("%d\n", one << n);
    n = -1;
    printf("%d\n", one << n);
    n = 67;
    printf("%d\n", 1024 >> n);
}

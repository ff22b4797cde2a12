void create() {
    printf("%d %d %f\n", 3.99, -3.99, 3);
}

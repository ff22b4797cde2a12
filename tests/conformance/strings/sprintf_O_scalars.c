void create() {
    printf("%O %O %O %O\n", 1, -5, 1.5, "foo");
}

void create() {
    printf("%O\n", ({ 1, 2 }));
}

void create() {
    printf("%O\n", "a\tb\n\"c\"\\");
}

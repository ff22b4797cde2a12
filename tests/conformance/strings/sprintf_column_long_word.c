void create() {
    printf("%-=4s\n", "abcdefgh");
}

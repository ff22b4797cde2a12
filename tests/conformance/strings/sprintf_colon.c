void create() {
    printf("%:4s|%:6s|\n", "abcdefg", "ab");
}

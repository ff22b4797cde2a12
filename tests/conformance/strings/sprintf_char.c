void create() {
    printf("%c%c%c|%c\n", 72, 105, 33, 0x4f60);
    printf("[%-3c]\n", 65);
}

void create() {
    printf("%d %d\n", crc32("hello"), crc32(""));
}

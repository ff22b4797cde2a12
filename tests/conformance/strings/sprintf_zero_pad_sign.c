void create() {
    printf("%05d|%05d|%+05d|%08x\n", -7, 42, 7, 255);
    printf("%-05d|\n", -7);
}

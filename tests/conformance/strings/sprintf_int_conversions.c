void create() {
    printf("%d|%i|%o|%x|%X\n", 345, -345, 73, 169, 169);
}

void create() {
    int n;
    sscanf("0x1f", "%x", n);
    printf("%d\n", n);
    sscanf("ff", "%x", n);
    printf("%d\n", n);
}

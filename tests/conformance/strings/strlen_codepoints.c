void create() {
    printf("%d %d %d %d\n", strlen("abc"), strlen("你好"), strlen(""), strlen("😀x"));
}

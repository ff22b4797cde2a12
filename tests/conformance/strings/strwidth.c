void create() {
    printf("%d %d %d\n", strwidth("abc"), strwidth("你好"), strwidth(""));
}

// Lapis counts characters (DESIGN.md decision 2); byte-string MudOS would print 6.

void create() {
    write(sizeof("你好") + "\n");
    write(sizeof(({ "你好" })) + "\n");
}

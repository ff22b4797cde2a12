void create() {
    printf("%O\n", ([ "a" : 1 ]));
}

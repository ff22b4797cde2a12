void create() {
    printf("%O %O\n", ({ }), ([ ]));
}

void create() {
    printf("%O\n", ({ ({ 1 }), ([ "k" : ({ 2 }) ]), "s" }));
}

void create() {
    printf("%@-4d|\n", ({ 1, 2, 3 }));
    printf("%@s\n", ({ "a", "b", "c" }));
    printf("[%@d]\n", ({ }));
    printf("%@O,\n", ({ 1, "x" }));
}

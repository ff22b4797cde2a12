void create() {
    printf("%d %d %d %d\n", regexp("tabba", "a*b"), regexp("tbba", "a+b"),
        regexp("a cat sat", "\\<cat\\>"), regexp("concatenate", "\\<cat\\>"));
}

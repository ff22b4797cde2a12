void create() {
    mapping m = ([ ]);
    printf("%s %d %O %x\n", 0, 0, 0, 0);
    printf("%s %d %O %f\n", m["x"], m["x"], m["x"], m["x"]);
}

void create() {
    mixed *r = reg_assoc("testhahatest", ({ "haha", "te" }), ({ 2, 3 }), 4);
    printf("%s\n", implode(r[0], "|"));
    foreach (int t in r[1]) write(t + " ");
    write("\n");
}

void create() {
    mixed *r = regexp(({ "foo", "bar", "bazz" }), "(oo|zz)", 1);
    foreach (mixed x in r) write(x + " ");
    write("\n");
}

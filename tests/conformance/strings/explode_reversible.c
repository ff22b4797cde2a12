void create() {
    string *a = explode_reversible("..x.y..", ".");
    printf("%d [%s]\n", sizeof(a), implode(a, "|"));
    write(implode(explode_reversible("  a  b ", " "), " ") + "|\n");
}

void create() {
    string *a = explode("  a  b ", " ");
    printf("%d [%s]\n", sizeof(a), implode(a, "|"));
    a = explode("..x.y..z..", ".");
    printf("%d [%s]\n", sizeof(a), implode(a, "|"));
}

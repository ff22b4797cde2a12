// ReversibleExplodeString yes overrides SaneExplodeString: explode() strips no
// delimiters, so implode(explode(s, d), d) == s.
void show(string *a) {
    printf("%d [%s]\n", sizeof(a), implode(a, "|"));
}

void create() {
    show(explode("..x.y..z..", "."));
    show(explode("  a  b ", " "));
    show(explode("      this  is  a  test  ", "  "));
    show(explode(",,,", ","));
    show(explode(",", ","));
    show(explode("abc", ","));
#ifdef __SANE_EXPLODE_STRING__
    write("__SANE_EXPLODE_STRING__ defined\n");
#endif
#ifdef __REVERSIBLE_EXPLODE_STRING__
    write("__REVERSIBLE_EXPLODE_STRING__ defined\n");
#endif
}

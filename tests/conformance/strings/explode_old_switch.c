// SaneExplodeString no (neither MudOS option): explode() strips every
// leading delimiter and one trailing one; no explode macro is predefined.
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
#ifndef __SANE_EXPLODE_STRING__
    write("__SANE_EXPLODE_STRING__ not defined\n");
#endif
#ifndef __REVERSIBLE_EXPLODE_STRING__
    write("__REVERSIBLE_EXPLODE_STRING__ not defined\n");
#endif
}

// MudOS v22 default (SANE_EXPLODE_STRING): explode() strips at most one
// leading delimiter and one trailing one (options.h's example string).
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
#ifndef __REVERSIBLE_EXPLODE_STRING__
    write("__REVERSIBLE_EXPLODE_STRING__ not defined\n");
#endif
}

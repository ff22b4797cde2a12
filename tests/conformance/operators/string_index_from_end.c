void create() {
    string s = "abc";
    string t = "你😀";
    printf("%d %d\n", s[<1], s[<3]);
    printf("%d %d\n", t[<1], t[<2]);
}

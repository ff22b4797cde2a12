void create() {
    string s = "abc";
    printf("%d\n", s[3]);
    printf("%d\n", s[<0]);
}

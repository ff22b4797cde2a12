void create() {
    string s = "你😀好";
    write(s[1..1] + "|" + s[1..] + "|" + s[<1..] + "|" + s[..0] + "|\n");
    printf("%d\n", strlen(s[1..]));
}

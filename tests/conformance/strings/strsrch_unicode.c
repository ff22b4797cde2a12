void create() {
    printf("%d %d\n", strsrch("日本語テキスト", "テ"), strsrch("aé😀bé", "é", -1));
}

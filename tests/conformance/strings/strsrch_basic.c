void create() {
    printf("%d %d %d %d %d\n", strsrch("hello world", "o"), strsrch("hello world", "o", -1),
        strsrch("hello world", 'w'), strsrch("hello world", "xyz"), strsrch("hello", ""));
}

void create() {
    printf("> %-=5s <\n", "aaa bbb ccc");
}

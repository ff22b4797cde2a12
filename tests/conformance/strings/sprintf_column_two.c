void create() {
    printf("%-=10s %-=20s\n", "one\ntwo\nthree", "line1\nline2\nline3");
}

void create() {
    printf("%-=10s\n", "the quick brown fox jumps over");
}

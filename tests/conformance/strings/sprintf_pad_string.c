void create() {
    printf("%'*'10s|%-'-='9s|%|'.'7s|\n", "abc", "x", "mid");
    printf("%'0'5d|\n", 42);
}

void create() {
    printf("%.3s|%-8.3s|%5.2s|\n", "abcdef", "abcdef", "xyz");
}

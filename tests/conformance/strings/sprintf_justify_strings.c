void create() {
    printf("[%-10s][%10s][%|10s]\n", "abc", "abc", "abc");
}

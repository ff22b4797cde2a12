void create() {
    printf("[%-4s][%4s][%.1s]\n", "你好", "é", "日本");
}

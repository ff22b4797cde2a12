void create() {
    printf("[%s][%s][%s]\n", repeat_string("ab", 3), repeat_string("x", 0), repeat_string("x", -1));
}

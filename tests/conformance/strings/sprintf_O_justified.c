void create() {
    printf("[%-6O][%6O]\n", 12, "ab");
}

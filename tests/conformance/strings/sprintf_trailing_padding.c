void create() {
    write(sprintf("%-6d", 42) + "|\n");
    write(sprintf("%-6s", "ab") + "|\n");
    printf("[%-6d]\n", 42);
}

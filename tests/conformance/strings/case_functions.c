void create() {
    printf("%s %s %s %s\n", capitalize("hello world"), upper_case("MiXed"), lower_case("MiXed"), capitalize(""));
}

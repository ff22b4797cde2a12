void create() {
    printf("%d %d %d\n", "abc" < "abd", "ab" < "abc", "b" > "abc");
    printf("%d %d\n", "Z" < "a", "a" <= "a");
    printf("%d %d\n", "abc" == "abc", "abc" != "abd");
    printf("%d\n", "你" < "好");
}

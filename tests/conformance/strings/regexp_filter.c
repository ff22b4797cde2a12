void create() {
    printf("%s\n", implode(regexp(({ "apple", "banana", "cherry" }), "an"), ","));
    printf("%s\n", implode(regexp(({ "foo", "bar", "bazz" }), "^...$"), ","));
    printf("%s\n", implode(regexp(({ "foo", "bar", "bazz" }), "b", 2), ","));
}

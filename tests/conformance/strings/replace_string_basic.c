void create() {
    string src = "This is a test";
    write(replace_string(src, "is", "x") + "\n");
    write(replace_string(src, "s", "") + "\n");
    write(replace_string(src, "", "bar") + "\n");
    write(replace_string(src, "s", "foo") + "\n");
}

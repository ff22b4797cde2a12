void create() {
    string src = "This is a test";
    write(replace_string(src, "is", "x", 1) + "\n");
    write(replace_string(src, "is", "x", 2, 2) + "\n");
    write(replace_string(src, "s", "x", 2) + "\n");
    write(replace_string(src, "s", "x", 1, 3) + "\n");
    write(replace_string("xyxxy", "x", "z", 2, 3) + "\n");
    write(replace_string(src, "is", "x", 3, 2) + "\n");
}

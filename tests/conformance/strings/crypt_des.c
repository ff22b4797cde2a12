void create() {
    string h = crypt("test", "ab");
    write(h + "\n");
    write((crypt("test", h) == h) + " " + (crypt("Test", h) == h) + "\n");
    write(strlen(crypt("secret", 0)) + "\n");
}

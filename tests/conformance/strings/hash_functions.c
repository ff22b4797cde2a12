void create() {
    write(sha1("something") + "\n");
    write(hash("md5", "abc") + "\n");
    write(hash("sha256", "12345") + "\n");
}

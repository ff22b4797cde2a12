void create() {
    mixed s = "12abc";
    mixed i = 3;
    write(typeof((int)s) + "\n");
    write(typeof((float)i) + "\n");
    write(typeof((string)i) + "\n");
}

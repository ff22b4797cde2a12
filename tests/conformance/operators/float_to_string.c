void create() {
    write("" + 0.1 + "\n");
    write("" + 1e10 + "\n");
    write("" + (1.0 / 3) + "\n");
    write("" + (2.0 / 3) + "\n");
    write("" + 0.0000004 + "\n");
    write("" + -0.0000004 + "\n");
    write("" + 123456.789 + "\n");
    write("" + 1e20 + "\n");
}

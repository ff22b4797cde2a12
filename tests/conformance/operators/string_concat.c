void create() {
    write("a" + 1 + "\n");
    write(1 + "a" + "\n");
    write("x" + 1.5 + "\n");
    write(-0.25 + "x" + "\n");
    write("n=" + 9223372036854775807 + "\n");
    write(1 + 2 + "a" + 1 + 2 + "\n");
}

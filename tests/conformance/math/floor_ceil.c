void create() {
    write(floor(1.7) + "\n");
    write(floor(-1.2) + "\n");
    write(ceil(1.2) + "\n");
    write(ceil(-1.7) + "\n");
    write(typeof(floor(2.0)) + "\n");
}

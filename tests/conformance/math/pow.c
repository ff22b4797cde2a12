void create() {
    write(pow(2.0, 10.0) + "\n");
    write(pow(9.0, 0.5) + "\n");
    write(pow(2.0, -1.0) + "\n");
    write(pow(0.0, 0.0) + "\n");
}

void create() {
    write(to_int(6.7) + "\n");
    write(to_int(-6.7) + "\n");
    write(to_int("7") + "\n");
    write(to_int("  -12abc") + "\n");
    write(to_int("ajdfj") + "\n");
    write(to_int(42) + "\n");
}

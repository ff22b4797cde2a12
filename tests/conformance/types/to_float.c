void create() {
    write(to_float(5) + "\n");
    write(to_float("1.23") + "\n");
    write(to_float("-2.5e3xyz") + "\n");
    write(to_float("ajdfj") + "\n");
    write(typeof(to_float(1)) + "\n");
}

void create() {
    mixed a = 1 / 2;
    mixed b = 1.0 / 2;
    mixed c = 1 + 0.5;
    mixed d = 3 * 0.5;
    write(typeof(a) + " " + a + "\n");
    write(typeof(b) + " " + b + "\n");
    write(typeof(c) + " " + c + "\n");
    write(typeof(d) + " " + d + "\n");
    write(typeof(2.0 - 2) + " " + (2.0 - 2) + "\n");
}

void create() {
    mixed x = 1;
    x += 1.9;
    write(typeof(x) + " " + x + "\n");
    x = 5;
    x -= 0.5;
    write(typeof(x) + " " + x + "\n");
    x = 3;
    x *= 1.5;
    write(typeof(x) + " " + x + "\n");
    x = 7;
    x /= 2.0;
    write(typeof(x) + " " + x + "\n");
}

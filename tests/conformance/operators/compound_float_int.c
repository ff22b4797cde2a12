void create() {
    mixed x = 1.5;
    x += 1;
    write(typeof(x) + " " + x + "\n");
    x -= 1;
    x *= 2;
    x /= 4;
    write(typeof(x) + " " + x + "\n");
}

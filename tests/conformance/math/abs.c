// FluffOS efun (contrib package).

void create() {
    write(abs(-5) + "\n");
    write(abs(5) + "\n");
    write(abs(0) + "\n");
    write(abs(-1.5) + "\n");
    write(abs(-0.0) + "\n");
}

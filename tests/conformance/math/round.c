// FluffOS efun (math package): halfway cases away from zero, as C round().

void create() {
    write(round(1.5) + "\n");
    write(round(1.4) + "\n");
    write(round(-1.5) + "\n");
    write(round(2.5) + "\n");
}

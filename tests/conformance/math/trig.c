void create() {
    write(cos(0.0) + "\n");
    write(sin(0.0) + "\n");
    write(tan(0.0) + "\n");
    write(atan(1.0) + "\n");
    write(asin(1.0) + "\n");
    write(acos(1.0) + "\n");
}

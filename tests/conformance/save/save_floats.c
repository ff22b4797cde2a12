void create() {
    write(save_variable(1.2) + "\n");
    write(save_variable(0.5) + "\n");
    write(save_variable(-2.25) + "\n");
    write(save_variable(10000000.0) + "\n");
}

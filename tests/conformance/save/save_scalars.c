void create() {
    write(save_variable(1) + "\n");
    write(save_variable(-1) + "\n");
    write(save_variable(22) + "\n");
    write(save_variable("abc") + "\n");
    write(save_variable("a\"b\\c") + "\n");
}
